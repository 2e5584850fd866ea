package nl.steunpunt.buddy.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.support.MeetingTimes;
import nl.steunpunt.buddy.support.SupportRecords;

class SupportDeadlinesTest {

    private final ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    private final SupportSettings settings = new SupportSettings(Period.ofDays(14), Period.ofDays(42), 5, 1, Period.ofMonths(6), 10,
            Period.ofMonths(3), 2, Duration.ofDays(2), Duration.ofDays(3),
            Map.of("VO-2606", new SupportSettings.RegionOverride(Period.ofDays(7), null, null, null, null, null, null, 1, Duration.ofDays(1),
                    null)));
    private final SupportRecords records = mock(SupportRecords.class);
    private final SupportDeadlines deadlines = new SupportDeadlines(settings, records, Clock.system(amsterdam));

    @BeforeEach
    void engineClock() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-05-04T10:00:00Z")));
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void check_ins_start_after_two_weeks_and_repeat_every_six_weeks_each_due_in_five_working_days() {
        assertThat(deadlines.checkInCycle("PO-2605")).isEqualTo("R/2026-05-18T10:00:00Z/P42D");
        assertThat(deadlines.checkInDue("PO-2605").toInstant()).isEqualTo(Instant.parse("2026-05-11T15:00:00Z"));
    }

    @Test
    void a_concern_is_due_at_the_end_of_the_next_working_day_and_the_review_comes_after_six_months() {
        assertThat(deadlines.concernDue("PO-2605").toInstant()).isEqualTo(Instant.parse("2026-05-05T15:00:00Z"));
        assertThat(deadlines.reviewPeriod("PO-2605")).isEqualTo("P6M");
        assertThat(deadlines.extensionPeriod("PO-2605")).isEqualTo("P3M");
        assertThat(deadlines.maxExtensions("PO-2605")).isEqualTo(2);
    }

    @Test
    void a_region_can_override_a_default_and_keeps_the_others() {
        assertThat(deadlines.checkInCycle("VO-2606")).isEqualTo("R/2026-05-11T10:00:00Z/P42D");
        assertThat(deadlines.maxExtensions("VO-2606")).isEqualTo(1);
        assertThat(deadlines.concernDue("VO-2606")).isEqualTo(deadlines.concernDue("PO-2605"));
    }

    @Test
    void a_school_meeting_is_prepared_two_days_before_and_followed_up_right_after_it() {
        UUID meeting = UUID.randomUUID();
        when(records.meetingTimes(meeting)).thenReturn(Optional.of(new MeetingTimes(Instant.parse("2026-05-20T08:00:00Z"),
                Instant.parse("2026-05-20T09:30:00Z"), new RegionCode("PO-2605"))));

        assertThat(deadlines.prepareMeetingAt(meeting.toString()).toInstant()).isEqualTo(Instant.parse("2026-05-18T08:00:00Z"));
        assertThat(deadlines.meetingStartsAt(meeting.toString()).toInstant()).isEqualTo(Instant.parse("2026-05-20T08:00:00Z"));
        assertThat(deadlines.followUpAt(meeting.toString()).toInstant()).isEqualTo(Instant.parse("2026-05-20T09:30:00Z"));
        assertThat(deadlines.followUpDue(meeting.toString()).toInstant()).isEqualTo(Instant.parse("2026-05-23T09:30:00Z"));
    }
}
