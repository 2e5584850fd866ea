package nl.steunpunt.buddy.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClosureDeadlinesTest {

    private final ZoneId amsterdam = ZoneId.of("Europe/Amsterdam");
    private final ClosureSettings settings = new ClosureSettings(Period.ofMonths(12), Period.ofDays(21), Period.ofDays(42),
            Period.ofDays(28), Period.ofDays(14), 10, 10,
            Map.of("VO-2606", new ClosureSettings.RegionOverride(Period.ofMonths(24), null, Period.ofDays(56), null, null, 3, null)));
    private final ClosureDeadlines deadlines = new ClosureDeadlines(settings,
            Clock.fixed(Instant.parse("2026-03-04T10:00:00Z"), amsterdam));

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void the_retention_period_and_the_link_period_can_differ_per_region() {
        assertThat(deadlines.retentionPeriod("PO-2605")).isEqualTo("P12M");
        assertThat(deadlines.retentionPeriod("VO-2606")).isEqualTo("P24M");
        assertThat(deadlines.evaluationLinkPeriod("PO-2605")).isEqualTo("P42D");
        assertThat(deadlines.evaluationLinkPeriod("VO-2606")).isEqualTo("P56D");
        assertThat(deadlines.evaluationReminderPeriod("VO-2606")).isEqualTo("P21D");
        assertThat(deadlines.buddyEvaluationPeriod("VO-2606")).isEqualTo("P28D");
    }

    @Test
    void due_dates_follow_the_engine_clock_and_working_days() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-03-04T10:00:00Z")));

        assertThat(deadlines.buddyEvaluationDue("PO-2605").toInstant()).isEqualTo(Instant.parse("2026-03-18T10:00:00Z"));
        assertThat(deadlines.closingConversationDue("VO-2606").toInstant()).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        assertThat(deadlines.appreciationDue("PO-2605")).isAfter(deadlines.closingConversationDue("VO-2606"));
        assertThat(deadlines.evaluationLinkExpiry("PO-2605")).isEqualTo(Instant.parse("2026-04-15T09:00:00Z"));
    }

    @Test
    void anonymisation_keeps_ids_codes_flags_and_numbers_of_the_engine_and_nothing_else() {
        assertThat(CaseAnonymisation.kept("matchId", UUID.randomUUID().toString())).isTrue();
        assertThat(CaseAnonymisation.kept("regionCode", "PO-2605")).isTrue();
        assertThat(CaseAnonymisation.kept("parentEvaluationReceived", true)).isTrue();
        assertThat(CaseAnonymisation.kept("declineCount", 2)).isTrue();
        assertThat(CaseAnonymisation.kept("note", "Lieke zit thuis")).isFalse();
        assertThat(CaseAnonymisation.kept("contact", Map.of("name", "Fenna"))).isFalse();
    }
}
