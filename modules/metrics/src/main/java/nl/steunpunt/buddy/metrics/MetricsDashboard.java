package nl.steunpunt.buddy.metrics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.metrics.internal.MetricsRollups;

import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.Actor;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.Region;
import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.shared.Regions;
import nl.steunpunt.buddy.shared.Role;

/**
 * The manager's dashboard, computed from the metrics read model: for her region, or several of her
 * regions together, over a period. Managers see the regions they manage, administrators every
 * region; nobody else sees any. Every count below {@link Count#MINIMUM} is suppressed, so is a
 * percentile, average or rate over fewer cases, and a total over regions whose parts include a
 * suppressed one.
 * <p>
 * Complete, clean months come from the monthly roll-ups of {@link MetricsRollups}, the rest of a
 * period from the read model itself, so the figures are exact whether or not the roll-up job has run.
 */
@Service
@Transactional(readOnly = true)
public class MetricsDashboard {

    /** Per kind of lead time the day counts, in the period, of the scope's regions. */
    private static final String LEAD_TIME_DAYS = """
              SELECT 0 AS kind, extract(epoch FROM certified_at - applied_at) / 86400.0 AS days FROM metrics_application
                WHERE region_code = ANY (?) AND certified_at >= ? AND certified_at < ?
              UNION ALL
              SELECT 1, extract(epoch FROM active_at - requested_at) / 86400.0 FROM metrics_help_request
                WHERE region_code = ANY (?) AND active_at >= ? AND active_at < ?
              UNION ALL
              SELECT 2, extract(epoch FROM ended_at - active_at) / 86400.0 FROM metrics_help_request
                WHERE region_code = ANY (?) AND ended_at >= ? AND ended_at < ? AND active_at IS NOT NULL
            """;

    /** The exact median and 90th percentile of these kinds over all the scope's cases. */
    private static final String LEAD_TIME_PERCENTILES = "SELECT kind, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY days), "
            + "percentile_cont(0.9) WITHIN GROUP (ORDER BY days) FROM (" + LEAD_TIME_DAYS + ") d WHERE kind = ANY (?::int[]) GROUP BY kind";

    /** Per region the figures of its clean months from the roll-up plus those of the rest of the period from the read model. */
    private static final String FIGURES = """
            SELECT r, sum(applied), sum(selected), sum(certified), sum(matched), sum(closed), sum(ended), sum(evaluations),
                   sum(felt_heard), sum(regained_control), sum(school_cooperation), sum(sessions), sum(present), sum(expected)
            FROM (SELECT x.region_code AS r, x.month AS m, x.applied, x.selected, x.certified, x.matched, x.closed, x.ended, x.evaluations,
                         x.felt_heard, x.regained_control, x.school_cooperation, x.sessions, x.present, x.expected
                  FROM metrics_month x %s
                  UNION ALL %s) y
            GROUP BY r
            """.formatted(MetricsRollups.MONTHS, MetricsRollups.FIGURES);

    /** The histogram of these kinds of lead time: the clean months' from the roll-up, the rest from the read model. */
    private static final String LEAD_TIME_HISTOGRAM = """
            SELECT kind, bucket, sum(cases)
            FROM (SELECT x.region_code AS r, x.month AS m, x.kind, x.bucket, x.cases FROM metrics_month_lead_time x %s
                  UNION ALL %s) y
            WHERE kind = ANY (?::int[])
            GROUP BY kind, bucket
            """.formatted(MetricsRollups.MONTHS, MetricsRollups.LEAD_TIMES);

    /** Per region and theme: the lines that are their match's first in the period (so the matches), and all lines. */
    private static final String THEMES = """
            SELECT r, theme_code, min(theme_name), COALESCE(sum(lines) FILTER (WHERE prev_on IS NULL OR prev_on < ?), 0), sum(lines)
            FROM (SELECT x.region_code AS r, x.month AS m, x.theme_code, x.theme_name, x.prev_on, x.lines FROM metrics_month_theme x %s
                  UNION ALL %s) y
            GROUP BY r, theme_code
            ORDER BY theme_code
            """.formatted(MetricsRollups.MONTHS, MetricsRollups.THEMES);

    /**
     * Below this many cases of a lead time in the scope and period its percentiles are exact; from here
     * on they come from the histogram, with a relative error below 2 % (see {@link #percentile}).
     */
    public static final long EXACT_PERCENTILES_BELOW = 20_000;

    /** The relative width of a histogram bucket of lead times, so the bound on a percentile's relative error. */
    public static final double BUCKET_WIDTH = 0.02;

    private static final String TASKS = """
            SELECT region_code, process_key, task_key, min(task_name), count(*), count(*) FILTER (WHERE due_at < ?)
            FROM metrics_task WHERE ended_at IS NULL AND region_code = ANY (?)
            GROUP BY region_code, process_key, task_key
            """;

    private static final String CAPACITY = """
            SELECT r.code,
              (SELECT count(*) FROM metrics_help_request h WHERE h.region_code = r.code AND h.active_at IS NOT NULL AND h.ended_at IS NULL),
              (SELECT count(*) FROM metrics_buddy b WHERE b.region_code = r.code AND b.available),
              (SELECT COALESCE(sum(capacity), 0) FROM metrics_buddy b WHERE b.region_code = r.code AND b.available)
            FROM unnest(?::varchar[]) AS r(code)
            """;

    private static final String BUDDY_EVALUATIONS = """
            SELECT region_code, count(*), avg(prepared), avg(supported), avg(parent_contact), avg(school_cooperation), avg(parent_in_control)
            FROM metrics_buddy_evaluation WHERE region_code = ANY (?) AND submitted_at >= ? AND submitted_at < ?
            GROUP BY GROUPING SETS ((region_code), ())
            """;

    private static final String SESSION_THEMES = """
            SELECT region_code, theme_code, min(theme_name), count(*)
            FROM metrics_intervisie_theme WHERE region_code = ANY (?) AND held_at >= ? AND held_at < ?
            GROUP BY region_code, theme_code
            """;

    /** Memory for the sorts of one dashboard load. */
    public static final String WORK_MEM = "64MB";

    private final JdbcClient db;
    private final CurrentActor currentActor;
    private final Regions regions;
    private final Clock clock;

    MetricsDashboard(JdbcClient db, CurrentActor currentActor, Regions regions, Clock clock) {
        this.db = db;
        this.currentActor = currentActor;
        this.regions = regions;
        this.clock = clock;
    }

    /** The regions whose figures the acting user may see, in order of their code. */
    public List<RegionCode> regions() {
        return allowed(currentActor.require());
    }

    /** No figures exist before the programme; a period ends at most this many years from today. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final int LATEST_YEARS_AHEAD = 5;

    /**
     * The figures of these regions together over the period from {@code from} to {@code to}, both days
     * included. A complete month inside the period is read from the monthly roll-up when it is clean,
     * the rest of the period from the read model itself; in one snapshot, so both parts agree.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Dashboard load(Collection<RegionCode> scope, LocalDate from, LocalDate to) {
        Actor actor = currentActor.require();
        if (scope == null || scope.isEmpty()) {
            throw new InvalidInputException("error.metrics.region");
        }
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("error.metrics.period");
        }
        if (from.isBefore(EARLIEST) || to.isAfter(LocalDate.now(clock).plusYears(LATEST_YEARS_AHEAD))) {
            // a year such as 0001 or 9999 would have the roll-up read tens of thousands of months
            throw new InvalidInputException("error.metrics.period.range", EARLIEST.getYear(), LATEST_YEARS_AHEAD);
        }
        if (!allowed(actor).containsAll(scope)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        // exact percentiles sort up to tens of thousands of durations; in memory, not on disk
        db.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
        List<RegionCode> chosen = List.copyOf(new TreeSet<>(scope));
        String[] codes = chosen.stream().map(RegionCode::value).toArray(String[]::new);
        Instant at = clock.instant();
        Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        Sources sources = sources(codes, from, to);
        Map<String, long[]> figures = new LinkedHashMap<>();
        db.sql(FIGURES).params(sources.params()).query((ResultSet rs) -> {
            long[] values = new long[13];
            for (int i = 0; i < values.length; i++) {
                values[i] = rs.getLong(i + 2);
            }
            figures.put(rs.getString(1), values);
        });
        return new Dashboard(chosen, from, to, at, funnel(figures), leadTimes(figures, sources, codes, start, end), tasks(codes, at),
                capacity(codes), evaluations(figures), intervisie(figures), themes(sources, from), buddyEvaluations(codes, start, end),
                sessionThemes(codes, start, end));
    }

    /**
     * Where the period's figures come from: the clean complete months from the roll-up, per region
     * the stretches between them (edge months, the current month, dirty months) from the read model.
     */
    private record Sources(List<String> monthRegions, List<LocalDate> months, Object[] intervals) {

        Object[] params(Object... more) {
            List<Object> all = new ArrayList<>(List.of(monthRegions.toArray(String[]::new), MetricsRollups.texts(months)));
            all.addAll(List.of(intervals));
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    private Sources sources(String[] codes, LocalDate from, LocalDate to) {
        LocalDate first = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate current = YearMonth.now(clock).atDay(1);
        LocalDate afterLast = to.plusDays(1).withDayOfMonth(1);
        LocalDate limit = afterLast.isBefore(current) ? afterLast : current;
        Map<String, List<LocalDate>> clean = new HashMap<>();
        if (first.isBefore(limit)) {
            db.sql(MetricsRollups.CLEAN_MONTHS + " ORDER BY m.region_code, m.month").params(codes, first, limit, clock.getZone().getId())
                    .query((ResultSet rs) -> {
                        clean.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getDate(2).toLocalDate());
                    });
        }
        List<String> monthRegions = new ArrayList<>();
        List<LocalDate> months = new ArrayList<>();
        List<String> rawRegions = new ArrayList<>();
        List<LocalDate> starts = new ArrayList<>();
        List<LocalDate> ends = new ArrayList<>();
        for (String code : codes) {
            LocalDate cursor = from;
            for (LocalDate month : clean.getOrDefault(code, List.of())) {
                if (cursor.isBefore(month)) {
                    rawRegions.add(code);
                    starts.add(cursor);
                    ends.add(month);
                }
                monthRegions.add(code);
                months.add(month);
                cursor = month.plusMonths(1);
            }
            if (!cursor.isAfter(to)) {
                rawRegions.add(code);
                starts.add(cursor);
                ends.add(to.plusDays(1));
            }
        }
        return new Sources(monthRegions, months, MetricsRollups.intervals(rawRegions, starts, ends, clock.getZone(), starts));
    }

    private List<RegionCode> allowed(Actor actor) {
        if (actor.hasRole(Role.ADMIN)) {
            return regions.all().stream().map(Region::code).sorted().toList();
        }
        if (actor.hasRole(Role.MANAGER)) {
            return actor.regions().stream().sorted().toList();
        }
        return List.of();
    }

    private static List<Long> parts(Map<String, long[]> figures, int index) {
        return figures.values().stream().map(values -> values[index]).toList();
    }

    private List<Dashboard.Stage> funnel(Map<String, long[]> figures) {
        List<Dashboard.Stage> stages = new ArrayList<>();
        for (int i = 0; i < Dashboard.STAGES.size(); i++) {
            stages.add(new Dashboard.Stage(Dashboard.STAGES.get(i), Count.total(parts(figures, i))));
        }
        return stages;
    }

    /** The cases of each kind are the certified, matched and ended counts; the percentiles exact for few cases, else from the histogram. */
    private List<Dashboard.LeadTime> leadTimes(Map<String, long[]> figures, Sources sources, String[] codes, Timestamp start, Timestamp end) {
        int[] caseIndex = { 2, 3, 5 };
        List<String> exact = new ArrayList<>();
        List<String> estimated = new ArrayList<>();
        for (int kind = 0; kind < caseIndex.length; kind++) {
            (sum(parts(figures, caseIndex[kind])) < EXACT_PERCENTILES_BELOW ? exact : estimated).add(Integer.toString(kind));
        }
        Map<Integer, double[]> percentiles = new HashMap<>();
        if (!exact.isEmpty()) {
            db.sql(LEAD_TIME_PERCENTILES).params(codes, start, end, codes, start, end, codes, start, end, exact.toArray(String[]::new))
                    .query((ResultSet rs) -> {
                        percentiles.put(rs.getInt(1), new double[] { rs.getDouble(3), rs.getDouble(4) });
                    });
        }
        if (!estimated.isEmpty()) {
            Map<Integer, TreeMap<Integer, Long>> histograms = new HashMap<>();
            db.sql(LEAD_TIME_HISTOGRAM).params(sources.params((Object) estimated.toArray(String[]::new))).query((ResultSet rs) -> {
                histograms.computeIfAbsent(rs.getInt(1), k -> new TreeMap<>()).put(rs.getInt(2), rs.getLong(3));
            });
            histograms.forEach((kind, histogram) -> percentiles.put(kind, new double[] { percentile(histogram, 0.5), percentile(histogram, 0.9) }));
        }
        List<Dashboard.LeadTime> result = new ArrayList<>();
        for (int kind = 0; kind < Dashboard.LEAD_TIMES.size(); kind++) {
            List<Long> parts = parts(figures, caseIndex[kind]);
            long n = sum(parts);
            double[] p = percentiles.get(kind);
            result.add(new Dashboard.LeadTime(Dashboard.LEAD_TIMES.get(kind), Count.total(parts), Measure.over(n, p == null ? null : p[0]),
                    Measure.over(n, p == null ? null : p[1])));
        }
        return result;
    }

    /**
     * A percentile as {@code percentile_cont} computes it, from a histogram of durations in days whose
     * bucket b holds [1.02^b, 1.02^(b+1)) and bucket -1000 the durations under 0.001 day. The k-th
     * smallest duration is estimated inside its own bucket (the cases spread evenly over it), so it is
     * off by less than the bucket's width, {@value #BUCKET_WIDTH} of its value; the interpolation
     * between two neighbours keeps that bound: the estimate's relative error is below 2 % (for
     * durations under 0.001 day, off by at most 0.001 day).
     */
    static Double percentile(TreeMap<Integer, Long> histogram, double fraction) {
        long n = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return null;
        }
        double rank = fraction * (n - 1);
        long k = (long) Math.floor(rank);
        double lower = nth(histogram, k);
        double upper = k + 1 < n ? nth(histogram, k + 1) : lower;
        return lower + (rank - k) * (upper - lower);
    }

    private static double nth(TreeMap<Integer, Long> histogram, long k) {
        long before = 0;
        for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
            long cases = bucket.getValue();
            if (k < before + cases) {
                if (bucket.getKey() == -1000) {
                    return 0;
                }
                double low = Math.pow(1 + BUCKET_WIDTH, bucket.getKey());
                double high = low * (1 + BUCKET_WIDTH);
                return low + (high - low) * (k - before + 0.5) / cases;
            }
            before += cases;
        }
        throw new IllegalArgumentException("rank " + k + " beyond " + before + " cases");
    }

    private List<Dashboard.TaskLoad> tasks(String[] codes, Instant at) {
        record Key(String process, String task) {
        }
        Map<Key, String> names = new LinkedHashMap<>();
        Map<Key, List<Long>> open = new HashMap<>();
        Map<Key, List<Long>> overdue = new HashMap<>();
        db.sql(TASKS + " ORDER BY process_key, task_key").params(Timestamp.from(at), codes).query((ResultSet rs) -> {
            Key key = new Key(rs.getString(2), rs.getString(3));
            names.putIfAbsent(key, rs.getString(4));
            open.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong(5));
            overdue.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getLong(6));
        });
        List<Dashboard.TaskLoad> result = new ArrayList<>();
        names.forEach((key, name) -> result.add(new Dashboard.TaskLoad(key.process(), key.task(), name == null ? key.task() : name,
                Count.total(open.get(key)), Count.total(overdue.get(key)))));
        return result;
    }

    private Dashboard.CapacityUse capacity(String[] codes) {
        List<Long> active = new ArrayList<>();
        List<Long> buddies = new ArrayList<>();
        List<Long> places = new ArrayList<>();
        db.sql(CAPACITY).param(codes).query((ResultSet rs) -> {
            active.add(rs.getLong(2));
            buddies.add(rs.getLong(3));
            places.add(rs.getLong(4));
        });
        Count inUse = Count.total(active);
        Count offered = Count.total(places);
        // the share is shown only beside both of its counts, so it gives no suppressed one away
        Double percent = inUse.suppressed() || offered.suppressed() ? null : 100.0 * sum(active) / sum(places);
        return new Dashboard.CapacityUse(inUse, Count.total(buddies), offered, Measure.over(Count.MINIMUM, percent));
    }

    private Dashboard.EvaluationScores evaluations(Map<String, long[]> figures) {
        long n = sum(parts(figures, 6));
        Double[] averages = new Double[3];
        for (int i = 0; i < 3 && n > 0; i++) {
            averages[i] = (double) sum(parts(figures, 7 + i)) / n;
        }
        return new Dashboard.EvaluationScores(Count.total(parts(figures, 6)), Measure.over(n, averages[0]), Measure.over(n, averages[1]),
                Measure.over(n, averages[2]));
    }

    private Dashboard.IntervisieAttendance intervisie(Map<String, long[]> figures) {
        List<Long> expected = parts(figures, 12);
        long present = sum(parts(figures, 11));
        long all = sum(expected);
        Count attendances = Count.total(expected);
        // the share would give away how many were (not) present: shown only when both are at least the minimum
        boolean shown = !attendances.suppressed() && present >= Count.MINIMUM && (all == present || all - present >= Count.MINIMUM);
        return new Dashboard.IntervisieAttendance(Count.total(parts(figures, 10)), attendances,
                Measure.over(all, shown ? 100.0 * present / all : null));
    }

    private List<Dashboard.ThemeCount> themes(Sources sources, LocalDate from) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Long>> matches = new HashMap<>();
        Map<String, List<Long>> mentions = new HashMap<>();
        List<Object> params = new ArrayList<>(List.of(Date.valueOf(from)));
        params.addAll(List.of(sources.params()));
        db.sql(THEMES).params(params.toArray()).query((ResultSet rs) -> {
            String code = rs.getString(2);
            names.putIfAbsent(code, rs.getString(3));
            matches.computeIfAbsent(code, k -> new ArrayList<>()).add(rs.getLong(4));
            mentions.computeIfAbsent(code, k -> new ArrayList<>()).add(rs.getLong(5));
        });
        List<Dashboard.ThemeCount> result = new ArrayList<>();
        names.forEach((code, name) -> result.add(new Dashboard.ThemeCount(code, name, Count.total(matches.get(code)),
                Count.total(mentions.get(code)))));
        return result;
    }

    private Dashboard.BuddyEvaluationScores buddyEvaluations(String[] codes, Timestamp start, Timestamp end) {
        List<Long> parts = new ArrayList<>();
        long[] n = { 0 };
        Double[] averages = new Double[5];
        db.sql(BUDDY_EVALUATIONS).params(codes, start, end).query((ResultSet rs) -> {
            if (rs.getString(1) == null) {
                n[0] = rs.getLong(2);
                for (int i = 0; i < averages.length; i++) {
                    averages[i] = rs.getDouble(3 + i);
                }
            } else {
                parts.add(rs.getLong(2));
            }
        });
        return new Dashboard.BuddyEvaluationScores(Count.total(parts), Measure.over(n[0], averages[0]), Measure.over(n[0], averages[1]),
                Measure.over(n[0], averages[2]), Measure.over(n[0], averages[3]), Measure.over(n[0], averages[4]));
    }

    private List<Dashboard.SessionThemeCount> sessionThemes(String[] codes, Timestamp start, Timestamp end) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Long>> sessions = new HashMap<>();
        db.sql(SESSION_THEMES + " ORDER BY theme_code").params(codes, start, end).query((ResultSet rs) -> {
            String code = rs.getString(2);
            names.putIfAbsent(code, rs.getString(3));
            sessions.computeIfAbsent(code, k -> new ArrayList<>()).add(rs.getLong(4));
        });
        List<Dashboard.SessionThemeCount> result = new ArrayList<>();
        names.forEach((code, name) -> result.add(new Dashboard.SessionThemeCount(code, name, Count.total(sessions.get(code)))));
        return result;
    }

    private static long sum(List<Long> parts) {
        return parts.stream().mapToLong(Long::longValue).sum();
    }
}
