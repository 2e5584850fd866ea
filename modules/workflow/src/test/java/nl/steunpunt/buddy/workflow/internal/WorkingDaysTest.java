package nl.steunpunt.buddy.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void five_working_days_from_a_wednesday_skip_the_weekend() {
        assertThat(WorkingDays.add(LocalDate.of(2026, 3, 4), 5)).isEqualTo(LocalDate.of(2026, 3, 11));
    }

    @Test
    void from_a_friday_the_next_working_day_is_monday() {
        assertThat(WorkingDays.add(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void easter_is_computed_for_known_years() {
        assertThat(WorkingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
    }

    @Test
    void dutch_public_holidays_are_not_working_days() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Goede Vrijdag").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Tweede Paasdag").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 27))).as("Koningsdag").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2025, 4, 26))).as("Koningsdag on Saturday when the 27th is a Sunday").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Hemelvaart").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25))).as("Tweede Pinksterdag").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2025, 5, 5))).as("Bevrijdingsdag in a lustrum year").isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 5))).as("Bevrijdingsdag otherwise").isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 28))).isTrue();
    }

    @Test
    void a_deadline_over_easter_skips_friday_and_monday() {
        assertThat(WorkingDays.add(LocalDate.of(2026, 4, 1), 2)).isEqualTo(LocalDate.of(2026, 4, 7));
    }
}
