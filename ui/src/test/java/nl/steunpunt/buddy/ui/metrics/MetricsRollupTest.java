package nl.steunpunt.buddy.ui.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.steunpunt.buddy.metrics.Dashboard;
import nl.steunpunt.buddy.metrics.MetricsDashboard;
import nl.steunpunt.buddy.metrics.internal.MetricsRollups;
import nl.steunpunt.buddy.metrics.internal.ReadModel;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;
import nl.steunpunt.buddy.ui.ApplicationTest;
import nl.steunpunt.buddy.ui.TestWorld;
import nl.steunpunt.buddy.ui.security.LocalAccounts;

/**
 * The dashboard's figures are the same whether a month comes from the monthly roll-up or from the
 * read model itself: for periods with partial edge months, for the current month, for a month a
 * late write made dirty (before and after the job recomputed it), and for a period of whole months;
 * distinct matches per theme are exact for any first day; percentiles over many cases come from the
 * histograms within their bound.
 */
class MetricsRollupTest extends ApplicationTest {

    private static final RegionCode ONE = new RegionCode("ROLL-1");
    private static final RegionCode TWO = new RegionCode("ROLL-2");
    private static final String MANAGER = "manager.rollup";

    @Autowired MetricsDashboard dashboard;
    @Autowired MetricsRollups rollups;
    @Autowired ReadModel readModel;
    @Autowired JdbcClient db;
    @Autowired Regions regions;
    @Autowired LocalAccounts accounts;
    @Autowired TestWorld world;
    @Autowired Clock clock;

    private LocalDate today;

    @BeforeEach
    void lifecycles_over_the_last_five_months_in_two_regions() {
        world.ensure();
        regions.save(new Region(ONE, "Rollupregio 1"));
        regions.save(new Region(TWO, "Rollupregio 2"));
        accounts.save(MANAGER, "Manager Rollup", TestWorld.PASSWORD, Set.of(Role.MANAGER), Set.of(ONE, TWO));
        today = LocalDate.now(clock);
        for (String table : List.of("metrics_application", "metrics_help_request", "metrics_evaluation", "metrics_intervisie_session",
                "metrics_signal")) {
            db.sql("DELETE FROM " + table + " WHERE region_code IN ('ROLL-1', 'ROLL-2')").update();
        }
        Timestamp now = Timestamp.from(clock.instant());
        String region = "'ROLL-' || (1 + g % 2)";
        String start = "CAST(:now AS timestamptz) - random() * interval '150 days'";
        db.sql("SELECT setseed(0.17)").query(Object.class).list();
        db.sql("INSERT INTO metrics_application (application_id, region_code, applied_at, selected_at, certified_at) "
                + "SELECT gen_random_uuid(), " + region + ", t, CASE WHEN g % 3 > 0 THEN t + interval '20 days' * random() END, "
                + "CASE WHEN g % 3 = 1 THEN t + interval '30 days' * random() END "
                + "FROM (SELECT g, " + start + " AS t FROM generate_series(1, 600) g) x").param("now", now).update();
        db.sql("INSERT INTO metrics_help_request (request_id, region_code, requested_at, matched_at, active_at, ended_at, closed_at) "
                + "SELECT gen_random_uuid(), " + region + ", t, t + interval '5 days' * r, t + interval '6 days' + interval '20 days' * r, "
                + "CASE WHEN g % 4 > 0 THEN t + interval '30 days' + interval '60 days' * r END, "
                + "CASE WHEN g % 4 > 1 THEN t + interval '40 days' + interval '60 days' * r END "
                + "FROM (SELECT g, " + start + " AS t, random() AS r FROM generate_series(1, 600) g) x").param("now", now).update();
        db.sql("INSERT INTO metrics_evaluation (match_id, region_code, submitted_at, felt_heard, regained_control, school_cooperation) "
                + "SELECT gen_random_uuid(), " + region + ", " + start + ", 1 + g % 5, 1 + (g / 5) % 5, 1 + (g / 25) % 5 "
                + "FROM generate_series(1, 300) g").param("now", now).update();
        db.sql("INSERT INTO metrics_intervisie_session (session_id, region_code, held_at, present, absent, excused) "
                + "SELECT gen_random_uuid(), " + region + ", " + start + ", 6 + g % 5, g % 3, g % 2 FROM generate_series(1, 200) g")
                .param("now", now).update();
        // lines of 60 matches, eight each over the months, a third of the themes twice on one day
        db.sql("INSERT INTO metrics_signal (line_id, theme_code, theme_name, region_code, match_id, contact_on) "
                + "SELECT 900000000 + g, 'THEMA_' || (g % 3), 'Thema ' || (g % 3), 'ROLL-' || (1 + (g / 8) % 2), "
                + "md5('rollup' || (g / 8))::uuid, (CAST(:now AS timestamptz) - random() * interval '150 days')::date FROM generate_series(1, 480) g")
                .param("now", now).update();
        db.sql("INSERT INTO metrics_signal (line_id, theme_code, theme_name, region_code, match_id, contact_on) "
                + "SELECT 900100000 + line_id, theme_code, theme_name, region_code, match_id, contact_on FROM metrics_signal "
                + "WHERE line_id BETWEEN 900000000 AND 900000480 AND theme_code = 'THEMA_1'").update();
        readModel.linkSignals();
    }

    @Test
    void figures_from_roll_up_and_read_model_equal_figures_from_the_read_model_alone() {
        List<LocalDate[]> periods = List.of(
                period(today.minusDays(120), today),
                period(YearMonth.now(clock).minusMonths(4).atDay(1), YearMonth.now(clock).minusMonths(1).atEndOfMonth()),
                period(today.minusDays(100), today.minusDays(40)),
                period(YearMonth.now(clock).minusMonths(3).atDay(1), today));
        db.sql("TRUNCATE metrics_month, metrics_month_lead_time, metrics_month_theme").update();
        List<List<Object>> raw = loadAll(periods);
        assertThat(raw.get(0).get(0).toString()).doesNotContain("< 5");

        rollups.rebuild();
        assertThat(db.sql("SELECT count(*) FROM metrics_month WHERE region_code = 'ROLL-1'").query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(db.sql("SELECT count(*) FROM metrics_month_dirty").query(Long.class).single()).isZero();

        assertThat(loadAll(periods)).isEqualTo(raw);
    }

    @Test
    void a_late_write_to_a_complete_month_marks_it_dirty_and_the_figures_stay_exact_before_and_after_the_job() {
        rollups.rebuild();
        LocalDate month = YearMonth.now(clock).minusMonths(2).atDay(1);
        Timestamp inMonth = Timestamp.from(month.plusDays(10).atStartOfDay(clock.getZone()).toInstant());
        db.sql("INSERT INTO metrics_evaluation (match_id, region_code, submitted_at, felt_heard, regained_control, school_cooperation) "
                + "SELECT gen_random_uuid(), 'ROLL-1', ?, 5, 5, 5 FROM generate_series(1, 7)").param(inMonth).update();
        db.sql("UPDATE metrics_help_request SET closed_at = ? WHERE request_id = (SELECT request_id FROM metrics_help_request "
                + "WHERE region_code = 'ROLL-2' AND closed_at IS NULL ORDER BY request_id LIMIT 1)").param(inMonth).update();
        db.sql("INSERT INTO metrics_signal (line_id, theme_code, theme_name, region_code, match_id, contact_on) "
                + "VALUES (900200000, 'THEMA_2', 'Thema 2', 'ROLL-1', md5('rollup-late')::uuid, ?)").param(java.sql.Date.valueOf(month.plusDays(3)))
                .update();
        readModel.linkSignals();
        assertThat(db.sql("SELECT month FROM metrics_month_dirty WHERE region_code = 'ROLL-1'").query(LocalDate.class).list()).contains(month);
        assertThat(db.sql("SELECT month FROM metrics_month_dirty WHERE region_code = 'ROLL-2'").query(LocalDate.class).list()).contains(month);

        List<LocalDate[]> periods = List.of(period(today.minusDays(120), today), period(month, month.plusMonths(1).minusDays(1)));
        List<List<Object>> dirty = loadAll(periods);
        rollups.refresh();
        assertThat(db.sql("SELECT count(*) FROM metrics_month_dirty WHERE month < ?").param(YearMonth.now(clock).atDay(1))
                .query(Long.class).single()).isZero();
        List<List<Object>> recomputed = loadAll(periods);
        db.sql("TRUNCATE metrics_month, metrics_month_lead_time, metrics_month_theme").update();
        List<List<Object>> raw = loadAll(periods);

        assertThat(dirty).isEqualTo(raw);
        assertThat(recomputed).isEqualTo(raw);
    }

    @Test
    void distinct_matches_per_theme_are_exact_for_any_first_day() {
        rollups.rebuild();
        for (int days = 20; days <= 140; days += 17) {
            LocalDate from = today.minusDays(days);
            Dashboard figures = world.as(MANAGER, () -> dashboard.load(List.of(ONE), from, today));
            for (Dashboard.ThemeCount theme : figures.themes()) {
                long expected = db.sql("SELECT count(DISTINCT match_id) FROM metrics_signal WHERE region_code = 'ROLL-1' AND theme_code = ? "
                        + "AND contact_on BETWEEN ? AND ?").params(theme.themeCode(), from, today).query(Long.class).single();
                assertThat(theme.matches().text()).as("%s from %s", theme.themeCode(), from).isEqualTo(expected < 5 ? "< 5" : Long.toString(expected));
            }
        }
    }

    @Test
    void above_twenty_thousand_cases_the_percentiles_come_from_the_histograms_within_two_percent() {
        db.sql("INSERT INTO metrics_help_request (request_id, region_code, requested_at, matched_at, active_at) "
                + "SELECT gen_random_uuid(), 'ROLL-1', t, t, t + interval '1 hour' + interval '40 days' * random() * random() "
                + "FROM (SELECT CAST(:now AS timestamptz) - interval '1 hour' - random() * interval '150 days' AS t "
                + "FROM generate_series(1, 40000)) x").param("now", Timestamp.from(clock.instant())).update();
        rollups.rebuild();
        LocalDate from = today.minusDays(100);
        Dashboard figures = world.as(MANAGER, () -> dashboard.load(List.of(ONE), from, today));
        Dashboard.LeadTime wait = figures.leadTimes().get(1);
        assertThat(wait.cases().value().getAsLong()).isGreaterThanOrEqualTo(MetricsDashboard.EXACT_PERCENTILES_BELOW);
        double[] exact = db.sql("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY d), percentile_cont(0.9) WITHIN GROUP (ORDER BY d) "
                + "FROM (SELECT extract(epoch FROM active_at - requested_at) / 86400.0 AS d FROM metrics_help_request "
                + "WHERE region_code = 'ROLL-1' AND active_at >= ? AND active_at < ?) x")
                .params(Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()),
                        Timestamp.from(today.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query((rs, n) -> new double[] { rs.getDouble(1), rs.getDouble(2) }).single();
        assertThat(wait.p50().value().getAsDouble()).isCloseTo(exact[0], org.assertj.core.data.Offset.offset(0.02 * exact[0] + 0.05));
        assertThat(wait.p90().value().getAsDouble()).isCloseTo(exact[1], org.assertj.core.data.Offset.offset(0.02 * exact[1] + 0.05));
    }

    private List<List<Object>> loadAll(List<LocalDate[]> periods) {
        return periods.stream().flatMap(p -> List.of(List.of(ONE), List.of(ONE, TWO)).stream()
                .map(scope -> figures(world.as(MANAGER, () -> dashboard.load(scope, p[0], p[1]))))).toList();
    }

    private static List<Object> figures(Dashboard d) {
        return List.of(d.funnel(), d.leadTimes(), d.evaluations(), d.intervisie(), d.themes(), d.capacity(), d.tasks());
    }

    private static LocalDate[] period(LocalDate from, LocalDate to) {
        return new LocalDate[] { from, to };
    }
}
