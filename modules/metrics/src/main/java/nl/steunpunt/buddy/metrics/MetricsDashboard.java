package nl.steunpunt.buddy.metrics;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
 */
@Service
@Transactional(readOnly = true)
public class MetricsDashboard {

    private static final String FUNNEL = """
            SELECT r.code,
              (SELECT count(*) FROM metrics_application a WHERE a.region_code = r.code AND a.applied_at >= ? AND a.applied_at < ?),
              (SELECT count(*) FROM metrics_application a WHERE a.region_code = r.code AND a.selected_at >= ? AND a.selected_at < ?),
              (SELECT count(*) FROM metrics_application a WHERE a.region_code = r.code AND a.certified_at >= ? AND a.certified_at < ?),
              (SELECT count(*) FROM metrics_help_request h WHERE h.region_code = r.code AND h.active_at >= ? AND h.active_at < ?),
              (SELECT count(*) FROM metrics_help_request h WHERE h.region_code = r.code AND h.closed_at >= ? AND h.closed_at < ?)
            FROM unnest(?::varchar[]) AS r(code)
            """;

    /** Per kind of lead time the day counts, in the period, of the scope's regions. */
    private static final String LEAD_TIME_DAYS = """
              SELECT 0 AS kind, region_code, extract(epoch FROM certified_at - applied_at) / 86400.0 AS days FROM metrics_application
                WHERE region_code = ANY (?) AND certified_at >= ? AND certified_at < ?
              UNION ALL
              SELECT 1, region_code, extract(epoch FROM active_at - requested_at) / 86400.0 FROM metrics_help_request
                WHERE region_code = ANY (?) AND active_at >= ? AND active_at < ?
              UNION ALL
              SELECT 2, region_code, extract(epoch FROM ended_at - active_at) / 86400.0 FROM metrics_help_request
                WHERE region_code = ANY (?) AND ended_at >= ? AND ended_at < ? AND active_at IS NOT NULL
            """;

    /** The cases per kind and region. */
    private static final String LEAD_TIME_CASES = "SELECT kind, region_code, count(*) FROM (" + LEAD_TIME_DAYS + ") d GROUP BY kind, region_code";

    /** The median and 90th percentile per kind over all the scope's cases. */
    private static final String LEAD_TIME_PERCENTILES = "SELECT kind, count(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY days), "
            + "percentile_cont(0.9) WITHIN GROUP (ORDER BY days) FROM (" + LEAD_TIME_DAYS + ") d GROUP BY kind";

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

    private static final String EVALUATIONS = """
            SELECT region_code, count(*), avg(felt_heard), avg(regained_control), avg(school_cooperation)
            FROM metrics_evaluation WHERE region_code = ANY (?) AND submitted_at >= ? AND submitted_at < ?
            GROUP BY GROUPING SETS ((region_code), ())
            """;

    private static final String INTERVISIE = """
            SELECT region_code, count(*), sum(present), sum(present + absent + excused)
            FROM metrics_intervisie_session WHERE region_code = ANY (?) AND held_at >= ? AND held_at < ?
            GROUP BY region_code
            """;

    private static final String THEMES = """
            SELECT region_code, theme_code, min(theme_name), count(DISTINCT match_id), count(*)
            FROM metrics_signal WHERE region_code = ANY (?) AND contact_on BETWEEN ? AND ?
            GROUP BY region_code, theme_code
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

    /** The figures of these regions together over the period from {@code from} to {@code to}, both days included. */
    public Dashboard load(Collection<RegionCode> scope, LocalDate from, LocalDate to) {
        Actor actor = currentActor.require();
        if (scope == null || scope.isEmpty()) {
            throw new InvalidInputException("error.metrics.region");
        }
        if (from == null || to == null || from.isAfter(to)) {
            throw new InvalidInputException("error.metrics.period");
        }
        if (!allowed(actor).containsAll(scope)) {
            throw new AccessDeniedException("error.access.other-region");
        }
        // the percentiles sort up to a few hundred thousand durations; in memory, not on disk
        db.sql("SET LOCAL work_mem = '" + WORK_MEM + "'").update();
        List<RegionCode> chosen = List.copyOf(new TreeSet<>(scope));
        String[] codes = chosen.stream().map(RegionCode::value).toArray(String[]::new);
        Instant at = clock.instant();
        Timestamp start = Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return new Dashboard(chosen, from, to, at, funnel(codes, start, end), leadTimes(codes, start, end), tasks(codes, at),
                capacity(codes), evaluations(codes, start, end), intervisie(codes, start, end), themes(codes, from, to),
                buddyEvaluations(codes, start, end), sessionThemes(codes, start, end));
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

    private List<Dashboard.Stage> funnel(String[] codes, Timestamp start, Timestamp end) {
        List<List<Long>> parts = new ArrayList<>();
        Dashboard.STAGES.forEach(stage -> parts.add(new ArrayList<>()));
        db.sql(FUNNEL).params(start, end, start, end, start, end, start, end, start, end, codes).query((ResultSet rs) -> {
            for (int i = 0; i < parts.size(); i++) {
                parts.get(i).add(rs.getLong(i + 2));
            }
        });
        List<Dashboard.Stage> stages = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            stages.add(new Dashboard.Stage(Dashboard.STAGES.get(i), Count.total(parts.get(i))));
        }
        return stages;
    }

    private List<Dashboard.LeadTime> leadTimes(String[] codes, Timestamp start, Timestamp end) {
        Map<Integer, List<Long>> parts = new HashMap<>();
        Map<Integer, double[]> overall = new HashMap<>();
        Map<Integer, Long> cases = new HashMap<>();
        Object[] params = { codes, start, end, codes, start, end, codes, start, end };
        db.sql(LEAD_TIME_CASES).params(params).query((ResultSet rs) -> {
            parts.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getLong(3));
        });
        db.sql(LEAD_TIME_PERCENTILES).params(params).query((ResultSet rs) -> {
            cases.put(rs.getInt(1), rs.getLong(2));
            overall.put(rs.getInt(1), new double[] { rs.getDouble(3), rs.getDouble(4) });
        });
        List<Dashboard.LeadTime> result = new ArrayList<>();
        for (int kind = 0; kind < Dashboard.LEAD_TIMES.size(); kind++) {
            long n = cases.getOrDefault(kind, 0L);
            double[] p = overall.get(kind);
            result.add(new Dashboard.LeadTime(Dashboard.LEAD_TIMES.get(kind), Count.total(parts.getOrDefault(kind, List.of())),
                    Measure.over(n, p == null ? null : p[0]), Measure.over(n, p == null ? null : p[1])));
        }
        return result;
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

    private Dashboard.EvaluationScores evaluations(String[] codes, Timestamp start, Timestamp end) {
        List<Long> parts = new ArrayList<>();
        long[] n = { 0 };
        Double[] averages = new Double[3];
        db.sql(EVALUATIONS).params(codes, start, end).query((ResultSet rs) -> {
            if (rs.getString(1) == null) {
                n[0] = rs.getLong(2);
                for (int i = 0; i < 3; i++) {
                    averages[i] = rs.getDouble(3 + i);
                }
            } else {
                parts.add(rs.getLong(2));
            }
        });
        return new Dashboard.EvaluationScores(Count.total(parts), Measure.over(n[0], averages[0]), Measure.over(n[0], averages[1]),
                Measure.over(n[0], averages[2]));
    }

    private Dashboard.IntervisieAttendance intervisie(String[] codes, Timestamp start, Timestamp end) {
        List<Long> sessions = new ArrayList<>();
        List<Long> expected = new ArrayList<>();
        long[] present = { 0 };
        db.sql(INTERVISIE).params(codes, start, end).query((ResultSet rs) -> {
            sessions.add(rs.getLong(2));
            present[0] += rs.getLong(3);
            expected.add(rs.getLong(4));
        });
        long all = sum(expected);
        Count attendances = Count.total(expected);
        // the share would give away how many were (not) present: shown only when both are at least the minimum
        boolean shown = !attendances.suppressed() && present[0] >= Count.MINIMUM
                && (all == present[0] || all - present[0] >= Count.MINIMUM);
        return new Dashboard.IntervisieAttendance(Count.total(sessions), attendances,
                Measure.over(all, shown ? 100.0 * present[0] / all : null));
    }

    private List<Dashboard.ThemeCount> themes(String[] codes, LocalDate from, LocalDate to) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Long>> matches = new HashMap<>();
        Map<String, List<Long>> mentions = new HashMap<>();
        db.sql(THEMES + " ORDER BY theme_code").params(codes, Date.valueOf(from), Date.valueOf(to)).query((ResultSet rs) -> {
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
