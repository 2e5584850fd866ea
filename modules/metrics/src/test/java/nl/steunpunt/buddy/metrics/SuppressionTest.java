package nl.steunpunt.buddy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.steunpunt.buddy.shared.RegionCode;

/** Small counts never show: not as a number, not through a total, not through a measure over few cases. */
class SuppressionTest {

    @Test
    void four_reads_less_than_five_and_five_reads_five() {
        assertThat(Count.of(0).text()).isEqualTo("< 5");
        assertThat(Count.of(4).text()).isEqualTo("< 5");
        assertThat(Count.of(4).suppressed()).isTrue();
        assertThat(Count.of(5).text()).isEqualTo("5");
        assertThat(Count.of(1234).text()).isEqualTo("1234");
    }

    @Test
    void a_total_over_regions_is_shown_only_when_no_region_holds_a_suppressed_part() {
        assertThat(Count.total(List.of(6L, 4L)).text()).isEqualTo("< 5");
        assertThat(Count.total(List.of(6L, 1L)).text()).isEqualTo("< 5");
        assertThat(Count.total(List.of(6L, 5L)).text()).isEqualTo("11");
        assertThat(Count.total(List.of(6L, 0L)).text()).isEqualTo("6");
        assertThat(Count.total(List.of(2L, 2L)).text()).isEqualTo("< 5");
        assertThat(Count.total(List.of()).text()).isEqualTo("< 5");
    }

    @Test
    void a_measure_over_fewer_than_five_cases_is_suppressed_and_otherwise_has_one_decimal() {
        assertThat(Measure.over(4, 3.0).text()).isEqualTo("< 5");
        assertThat(Measure.over(5, 3.04).text()).isEqualTo("3.0");
        assertThat(Measure.over(5, 2.25).text()).isEqualTo("2.3");
        assertThat(Measure.over(9, null).suppressed()).isTrue();
    }

    @Test
    void each_figure_as_csv_has_a_header_the_regions_and_period_and_no_small_number() {
        Dashboard dashboard = new Dashboard(List.of(new RegionCode("UT"), new RegionCode("EM")), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 6, 30), Instant.parse("2026-07-01T08:00:00Z"),
                List.of(new Dashboard.Stage("applied", Count.of(12)), new Dashboard.Stage("selected", Count.of(3))),
                List.of(new Dashboard.LeadTime("request-active", Count.of(7), Measure.over(7, 12.345), Measure.over(7, 30.0))),
                List.of(new Dashboard.TaskLoad("MatchingProcess", "Task_IntakeRequest", "Hulpvraag; intake", Count.of(8), Count.of(2))),
                new Dashboard.CapacityUse(Count.of(9), Count.of(6), Count.of(12), Measure.over(5, 75.0)),
                new Dashboard.EvaluationScores(Count.of(3), Measure.over(3, 4.0), Measure.over(3, 4.0), Measure.over(3, 4.0)),
                new Dashboard.IntervisieAttendance(Count.of(5), Count.of(50), Measure.over(50, 80.0)),
                List.of(new Dashboard.ThemeCount("THUISZITTEN", "=Thuiszitten", Count.of(5), Count.of(6))),
                new Dashboard.BuddyEvaluationScores(Count.of(6), Measure.over(6, 4.5), Measure.over(6, 3.0), Measure.over(6, 4.0),
                        Measure.over(6, 2.5), Measure.over(6, 4.25)),
                List.of(new Dashboard.SessionThemeCount("WACHTLIJST_ZORG", "Wachtlijst", Count.of(2))));
        assertThat(csv(dashboard, MetricsCsv.Figure.FUNNEL)).containsExactly("\uFEFFregio;van;tot_en_met;fase;aantal",
                "UT EM;2026-01-01;2026-06-30;applied;12", "UT EM;2026-01-01;2026-06-30;selected;< 5");
        assertThat(csv(dashboard, MetricsCsv.Figure.LEAD_TIMES)).contains("UT EM;2026-01-01;2026-06-30;request-active;7;12.3;30.0");
        assertThat(csv(dashboard, MetricsCsv.Figure.TASKS))
                .contains("UT EM;2026-01-01;2026-06-30;MatchingProcess;Task_IntakeRequest;\"Hulpvraag; intake\";8;< 5");
        assertThat(csv(dashboard, MetricsCsv.Figure.CAPACITY)).contains("UT EM;2026-01-01;2026-06-30;9;6;12;75.0");
        assertThat(csv(dashboard, MetricsCsv.Figure.EVALUATIONS)).contains("UT EM;2026-01-01;2026-06-30;< 5;< 5;< 5;< 5");
        assertThat(csv(dashboard, MetricsCsv.Figure.INTERVISIE)).contains("UT EM;2026-01-01;2026-06-30;5;50;80.0");
        assertThat(csv(dashboard, MetricsCsv.Figure.THEMES)).contains("UT EM;2026-01-01;2026-06-30;THUISZITTEN;'=Thuiszitten;5;6");
        assertThat(csv(dashboard, MetricsCsv.Figure.BUDDY_EVALUATIONS)).containsExactly(
                "\uFEFFregio;van;tot_en_met;evaluaties;voorbereid;gesteund;contact_ouder;samenwerking_school;regie_ouder",
                "UT EM;2026-01-01;2026-06-30;6;4.5;3.0;4.0;2.5;4.3");
        assertThat(csv(dashboard, MetricsCsv.Figure.SESSION_THEMES)).containsExactly("\uFEFFregio;van;tot_en_met;themacode;thema;bijeenkomsten",
                "UT EM;2026-01-01;2026-06-30;WACHTLIJST_ZORG;Wachtlijst;< 5");
    }

    private static List<String> csv(Dashboard dashboard, MetricsCsv.Figure figure) {
        return new String(MetricsCsv.csv(dashboard, figure), StandardCharsets.UTF_8).lines().toList();
    }
}
