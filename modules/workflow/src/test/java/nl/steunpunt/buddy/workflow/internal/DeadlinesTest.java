package nl.steunpunt.buddy.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private final ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    private final RecruitmentSettings settings = new RecruitmentSettings(5, 1, 10, 5, Period.ofDays(28),
            Period.ofDays(14), Period.ofDays(42),
            Map.of("VO-2606", new RecruitmentSettings.RegionOverride(3, null, null, null, Period.ofDays(14), null, null)));
    private final Deadlines deadlines = new Deadlines(settings, Clock.system(amsterdam));

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void screening_is_due_at_the_end_of_the_fifth_working_day_on_the_engine_clock() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-04T10:00:00Z")));

        assertThat(deadlines.screeningDue("PO-2605").toInstant())
                .isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
    }

    @Test
    void a_region_can_override_a_default_and_keeps_the_others() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-04T10:00:00Z")));

        assertThat(deadlines.screeningDue("VO-2606").toInstant()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(deadlines.onHoldPeriod("VO-2606")).isEqualTo("P14D");
        assertThat(deadlines.onHoldPeriod("PO-2605")).isEqualTo("P28D");
        assertThat(deadlines.intakeDue("VO-2606")).isEqualTo(deadlines.intakeDue("PO-2605"));
    }

    @Test
    void an_unscreened_application_escalates_one_working_day_after_it_was_due() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-04T10:00:00Z")));

        assertThat(deadlines.screeningEscalation("PO-2605").toInstant()).isEqualTo(Instant.parse("2026-03-12T16:00:00Z"));
        assertThat(deadlines.vogReminderPeriod("PO-2605")).isEqualTo("P14D");
        assertThat(deadlines.vogEscalationPeriod("PO-2605")).isEqualTo("P42D");
    }
}
