package nl.steunpunt.buddy.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * The manager's figures for one or more regions over a period (both days included); open and
 * overdue tasks, active matches and capacity are as they stand at {@code at}. No names, no IDs.
 */
public record Dashboard(List<RegionCode> regions, LocalDate from, LocalDate to, Instant at, List<Stage> funnel, List<LeadTime> leadTimes,
        List<TaskLoad> tasks, CapacityUse capacity, EvaluationScores evaluations, IntervisieAttendance intervisie, List<ThemeCount> themes,
        BuddyEvaluationScores buddyEvaluations, List<SessionThemeCount> sessionThemes) {

    /** Funnel stages, in order. */
    public static final List<String> STAGES = List.of("applied", "selected", "certified", "matched", "closed");
    /** Lead times, in order. */
    public static final List<String> LEAD_TIMES = List.of("application-certified", "request-active", "match-duration");

    /** How many reached a stage of the lifecycle within the period. */
    public record Stage(String key, Count count) {
    }

    /** A lead time in days: over how many cases, their median and 90th percentile. */
    public record LeadTime(String key, Count cases, Measure p50, Measure p90) {
    }

    /** The open tasks of one type, and how many of them are past their due date. */
    public record TaskLoad(String processKey, String taskKey, String taskName, Count open, Count overdue) {
    }

    /** Active matches against the places the available buddies offer, and the share in use (percent). */
    public record CapacityUse(Count activeMatches, Count buddies, Count places, Measure percentUsed) {
    }

    /** The parents' evaluations submitted in the period: how many and the average per question (1–5). */
    public record EvaluationScores(Count evaluations, Measure feltHeard, Measure regainedControl, Measure schoolCooperation) {
    }

    /** The intervisie sessions held in the period and the share of expected attendances that were present (percent). */
    public record IntervisieAttendance(Count sessions, Count attendances, Measure percentPresent) {
    }

    /** A signal theme in the period's contact logs: in how many matches and how often. */
    public record ThemeCount(String themeCode, String themeName, Count matches, Count mentions) {
    }

    /**
     * The buddies' own evaluations of their ended matches submitted in the period: how many and the
     * average per question (1–5).
     */
    public record BuddyEvaluationScores(Count evaluations, Measure prepared, Measure supported, Measure parentContact,
            Measure schoolCooperation, Measure parentInControl) {
    }

    /** A theme talked about in the period's intervisie sessions: in how many sessions. */
    public record SessionThemeCount(String themeCode, String themeName, Count sessions) {
    }
}
