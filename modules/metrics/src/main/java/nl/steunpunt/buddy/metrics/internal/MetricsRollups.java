package nl.steunpunt.buddy.metrics.internal;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly roll-ups of the read model (see {@code V1_16_0__metrics_rollup.sql}): per region and
 * complete calendar month (in the application clock's zone) the funnel counts, evaluation and
 * intervisie sums, a histogram of each lead time and the signal themes. The read model's triggers
 * mark every month a write touches dirty; {@link #refresh()} recomputes the dirty months that are
 * complete, {@link #rebuild()} all of them. The dashboard reads a month from here only when it is
 * complete, inside its period and clean, so its figures never depend on this job having run.
 * <p>
 * The statements that compute a roll-up row are the same that compute the dashboard's figures over
 * the stretches it reads raw ({@link #FIGURES}, {@link #LEAD_TIMES}, {@link #THEMES}): each takes a
 * list of intervals (region, month, start, end, first day, day after) and gives one row per interval.
 */
@Component
public class MetricsRollups {

    private static final Logger log = LoggerFactory.getLogger(MetricsRollups.class);

    /** Intervals: per region a stretch of time, as instants and as days; the month labels the rows. */
    public static final String INTERVALS = "unnest(?::varchar[], ?::date[], ?::timestamptz[], ?::timestamptz[], ?::date[], ?::date[])"
            + " AS t(r, m, s, e, ds, de)";

    /** Per interval: applied, selected, certified, matched, closed, ended (match durations), evaluations and sums, sessions, present, expected. */
    public static final String FIGURES = """
            SELECT t.r, t.m,
              (SELECT count(*) FROM metrics_application a WHERE a.region_code = t.r AND a.applied_at >= t.s AND a.applied_at < t.e),
              (SELECT count(*) FROM metrics_application a WHERE a.region_code = t.r AND a.selected_at >= t.s AND a.selected_at < t.e),
              (SELECT count(*) FROM metrics_application a WHERE a.region_code = t.r AND a.certified_at >= t.s AND a.certified_at < t.e),
              (SELECT count(*) FROM metrics_help_request h WHERE h.region_code = t.r AND h.active_at >= t.s AND h.active_at < t.e),
              (SELECT count(*) FROM metrics_help_request h WHERE h.region_code = t.r AND h.closed_at >= t.s AND h.closed_at < t.e),
              (SELECT count(*) FROM metrics_help_request h WHERE h.region_code = t.r AND h.ended_at >= t.s AND h.ended_at < t.e
                 AND h.active_at IS NOT NULL),
              v.n, v.f, v.g, v.c, i.n, i.p, i.x
            FROM %s
            CROSS JOIN LATERAL (SELECT count(*) n, COALESCE(sum(felt_heard), 0) f, COALESCE(sum(regained_control), 0) g,
                   COALESCE(sum(school_cooperation), 0) c FROM metrics_evaluation
                   WHERE region_code = t.r AND submitted_at >= t.s AND submitted_at < t.e) v
            CROSS JOIN LATERAL (SELECT count(*) n, COALESCE(sum(present), 0) p, COALESCE(sum(present + absent + excused), 0) x
                   FROM metrics_intervisie_session WHERE region_code = t.r AND held_at >= t.s AND held_at < t.e) i
            """.formatted(INTERVALS);

    /** Per interval, kind of lead time and bucket: the cases. */
    public static final String LEAD_TIMES = """
            SELECT t.r, t.m, d.kind, metrics_bucket(d.days) AS bucket, count(*) AS cases
            FROM %s CROSS JOIN LATERAL (
              SELECT 0 AS kind, extract(epoch FROM certified_at - applied_at)::float8 / 86400 AS days FROM metrics_application
                WHERE region_code = t.r AND certified_at >= t.s AND certified_at < t.e
              UNION ALL
              SELECT 1, extract(epoch FROM active_at - requested_at)::float8 / 86400 FROM metrics_help_request
                WHERE region_code = t.r AND active_at >= t.s AND active_at < t.e
              UNION ALL
              SELECT 2, extract(epoch FROM ended_at - active_at)::float8 / 86400 FROM metrics_help_request
                WHERE region_code = t.r AND ended_at >= t.s AND ended_at < t.e AND active_at IS NOT NULL) d
            GROUP BY t.r, t.m, d.kind, 4
            """.formatted(INTERVALS);

    /** Per interval and theme: the lines by the day of their match's previous line, a day inside the interval as its first day. */
    public static final String THEMES = """
            SELECT t.r, t.m, g.theme_code, min(g.theme_name) AS theme_name,
                   CASE WHEN g.prev_on >= t.ds THEN t.ds ELSE g.prev_on END AS prev_on, count(*) AS lines
            FROM %s JOIN metrics_signal g ON g.region_code = t.r AND g.contact_on >= t.ds AND g.contact_on < t.de
            GROUP BY t.r, t.m, t.ds, g.theme_code, 5
            """.formatted(INTERVALS);

    /** The months of the roll-up that may be read: computed in this zone, in range and not dirty. */
    public static final String CLEAN_MONTHS = """
            SELECT m.region_code, m.month FROM metrics_month m
            WHERE m.region_code = ANY (?) AND m.month >= ? AND m.month < ?
              AND EXISTS (SELECT 1 FROM metrics_rollup_state WHERE zone = ?)
              AND NOT EXISTS (SELECT 1 FROM metrics_month_dirty d WHERE d.region_code = m.region_code AND d.month = m.month)
            """;

    /** Joins a roll-up table (alias x) to the months given as two arrays. */
    public static final String MONTHS = "JOIN unnest(?::varchar[], ?::date[]) AS c(r, m) ON x.region_code = c.r AND x.month = c.m";

    private static final String[] TABLES = { "metrics_month", "metrics_month_lead_time", "metrics_month_theme" };

    private final JdbcClient db;
    private final Clock clock;

    MetricsRollups(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** After a start, and when the clock's zone changed since the last roll-up: all months again. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void onStart() {
        List<String> zones = db.sql("SELECT zone FROM metrics_rollup_state").query(String.class).list();
        if (!zones.equals(List.of(zone().getId()))) {
            rebuild();
        }
    }

    /** Recomputes the complete months marked dirty, then removes the marks it saw (a newer mark stays). */
    @Scheduled(fixedDelayString = "${buddy.metrics.rollup-interval:PT5M}", initialDelayString = "${buddy.metrics.rollup-interval:PT5M}")
    @Transactional
    public void refresh() {
        serialize();
        List<String> regions = new ArrayList<>();
        List<LocalDate> months = new ArrayList<>();
        List<String> seqs = new ArrayList<>();
        db.sql("SELECT region_code, month, seq FROM metrics_month_dirty WHERE month < ? ORDER BY region_code, month")
                .param(currentMonth()).query((ResultSet rs) -> {
                    regions.add(rs.getString(1));
                    months.add(rs.getDate(2).toLocalDate());
                    seqs.add(Long.toString(rs.getLong(3)));
                });
        if (regions.isEmpty()) {
            return;
        }
        compute(regions, months);
        db.sql("DELETE FROM metrics_month_dirty d USING unnest(?::varchar[], ?::date[], ?::bigint[]) AS x(r, m, seq) "
                + "WHERE d.region_code = x.r AND d.month = x.m AND d.seq = x.seq")
                .params(regions.toArray(String[]::new), texts(months), seqs.toArray(String[]::new)).update();
        log.debug("Recomputed {} dirty months of the metrics roll-up", regions.size());
    }

    /** Empties the roll-ups and computes every complete month that has figures, in the clock's current zone. */
    @Transactional
    public void rebuild() {
        serialize();
        db.sql("TRUNCATE " + String.join(", ", TABLES) + ", metrics_month_dirty, metrics_rollup_state").update();
        db.sql("INSERT INTO metrics_rollup_state (zone) VALUES (?)").param(zone().getId()).update();
        List<String> regions = new ArrayList<>();
        List<LocalDate> months = new ArrayList<>();
        String month = "date_trunc('month', %s AT TIME ZONE :zone)";
        db.sql("SELECT DISTINCT region_code, month FROM ("
                + monthsOf("metrics_application", month, "applied_at", "selected_at", "certified_at") + " UNION "
                + monthsOf("metrics_help_request", month, "active_at", "ended_at", "closed_at") + " UNION "
                + monthsOf("metrics_evaluation", month, "submitted_at") + " UNION "
                + monthsOf("metrics_intervisie_session", month, "held_at") + " UNION "
                + monthsOf("metrics_signal", "date_trunc('month', %s)", "contact_on")
                + ") x WHERE month < :current ORDER BY 1, 2")
                .param("zone", zone().getId()).param("current", currentMonth()).query((ResultSet rs) -> {
                    regions.add(rs.getString(1));
                    months.add(rs.getDate(2).toLocalDate());
                });
        compute(regions, months);
    }

    /** One refresh or rebuild at a time, on any node: until this transaction ends. */
    private void serialize() {
        db.sql("SELECT pg_advisory_xact_lock(hashtext('metrics_rollup'))").query(Object.class).list();
    }

    private static String monthsOf(String table, String month, String... columns) {
        List<String> parts = new ArrayList<>();
        for (String column : columns) {
            parts.add("SELECT region_code, " + month.formatted(column) + "::date AS month FROM " + table + " WHERE " + column + " IS NOT NULL");
        }
        return String.join(" UNION ", parts);
    }

    private void compute(List<String> regions, List<LocalDate> months) {
        Object[] pairs = { regions.toArray(String[]::new), texts(months) };
        for (String table : TABLES) {
            db.sql("DELETE FROM " + table + " x USING unnest(?::varchar[], ?::date[]) AS c(r, m) WHERE x.region_code = c.r AND x.month = c.m")
                    .params(pairs).update();
        }
        Object[] intervals = intervals(regions, months, months.stream().map(m -> m.plusMonths(1)).toList(), zone(), months);
        db.sql("INSERT INTO metrics_month (region_code, month, applied, selected, certified, matched, closed, ended, evaluations, "
                + "felt_heard, regained_control, school_cooperation, sessions, present, expected) " + FIGURES).params(intervals).update();
        db.sql("INSERT INTO metrics_month_lead_time (region_code, month, kind, bucket, cases) " + LEAD_TIMES).params(intervals).update();
        db.sql("INSERT INTO metrics_month_theme (region_code, month, theme_code, theme_name, prev_on, lines) " + THEMES).params(intervals)
                .update();
    }

    /**
     * The parameters of {@link #INTERVALS}: per region the days from {@code starts} to {@code ends}
     * (exclusive), as instants in the zone, labelled with {@code labels}.
     */
    public static Object[] intervals(List<String> regions, List<LocalDate> starts, List<LocalDate> ends, ZoneId zone, List<LocalDate> labels) {
        return new Object[] { regions.toArray(String[]::new), texts(labels),
                starts.stream().map(d -> d.atStartOfDay(zone).toOffsetDateTime().toString()).toArray(String[]::new),
                ends.stream().map(d -> d.atStartOfDay(zone).toOffsetDateTime().toString()).toArray(String[]::new), texts(starts), texts(ends) };
    }

    public static String[] texts(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toArray(String[]::new);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private LocalDate currentMonth() {
        return YearMonth.now(clock).atDay(1);
    }
}
