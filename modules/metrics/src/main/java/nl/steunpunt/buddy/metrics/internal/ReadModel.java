package nl.steunpunt.buddy.metrics.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import nl.steunpunt.buddy.shared.RegionCode;
import nl.steunpunt.buddy.workflow.TaskChanged;

/**
 * Writes the metrics read model. Each lifecycle row is refreshed from the owning module's tables
 * as they are now, so a refresh is idempotent and the order of the events that trigger it does not
 * matter; the same statements without their filter rebuild the whole model. Task rows are
 * snapshots from the engine; a later snapshot never reopens an ended task.
 */
@Component
public class ReadModel {

    private static final String APPLICATIONS = """
            INSERT INTO metrics_application (application_id, region_code, applied_at, selected_at, certified_at, rejected_at, withdrawn_at)
            SELECT a.id, a.region_code, a.submitted_at,
                   CASE WHEN a.decision = 'SELECTED' THEN a.decided_at END,
                   q.certified_at,
                   CASE WHEN a.status = 'NOT_SELECTED' THEN COALESCE(a.decided_at, a.screened_at, a.last_changed_at) END,
                   a.withdrawn_at
            FROM buddy_application a LEFT JOIN training_qualification q ON q.application_id = a.id
            %s
            ON CONFLICT (application_id) DO UPDATE SET region_code = EXCLUDED.region_code, applied_at = EXCLUDED.applied_at,
                   selected_at = EXCLUDED.selected_at, certified_at = EXCLUDED.certified_at, rejected_at = EXCLUDED.rejected_at,
                   withdrawn_at = EXCLUDED.withdrawn_at
            """;

    private static final String HELP_REQUESTS = """
            INSERT INTO metrics_help_request (request_id, region_code, requested_at, matched_at, active_at, ended_at, closed_at,
                   closure_reason, withdrawn_at)
            SELECT r.id, r.region_code, r.submitted_at, min(m.accepted_at), min(m.activated_at),
                   CASE WHEN count(m.id) > 0 AND bool_and(m.ended_at IS NOT NULL) THEN max(m.ended_at) END,
                   CASE WHEN count(m.id) > 0 AND bool_and(m.closed_at IS NOT NULL) THEN max(m.closed_at) END,
                   (array_agg(m.closure_reason ORDER BY m.ended_at DESC NULLS LAST))[1],
                   CASE WHEN r.status = 'WITHDRAWN' THEN r.last_changed_at END
            FROM help_request r LEFT JOIN buddy_match m ON m.request_id = r.id AND m.status <> 'CANCELLED'
            %s
            GROUP BY r.id
            ON CONFLICT (request_id) DO UPDATE SET region_code = EXCLUDED.region_code, requested_at = EXCLUDED.requested_at,
                   matched_at = EXCLUDED.matched_at, active_at = EXCLUDED.active_at, ended_at = EXCLUDED.ended_at,
                   closed_at = EXCLUDED.closed_at, closure_reason = EXCLUDED.closure_reason, withdrawn_at = EXCLUDED.withdrawn_at
            """;

    private static final String BUDDIES = """
            INSERT INTO metrics_buddy (buddy_id, region_code, capacity, available)
            SELECT b.application_id, b.region_code, COALESCE(b.max_matches, s.max_matches, 2),
                   b.archived_at IS NULL AND q.status = 'CERTIFIED'
            FROM matching_buddy b
            LEFT JOIN matching_setting s ON s.region_code = b.region_code
            LEFT JOIN training_qualification q ON q.application_id = b.application_id
            %s
            ON CONFLICT (buddy_id) DO UPDATE SET region_code = EXCLUDED.region_code, capacity = EXCLUDED.capacity,
                   available = EXCLUDED.available
            """;

    private static final String EVALUATIONS = """
            INSERT INTO metrics_evaluation (match_id, region_code, submitted_at, felt_heard, regained_control, school_cooperation)
            SELECT e.match_id, e.region_code, e.submitted_at, e.felt_heard, e.regained_control, e.school_cooperation
            FROM parent_evaluation e
            %s
            ON CONFLICT (match_id) DO UPDATE SET region_code = EXCLUDED.region_code, submitted_at = EXCLUDED.submitted_at,
                   felt_heard = EXCLUDED.felt_heard, regained_control = EXCLUDED.regained_control,
                   school_cooperation = EXCLUDED.school_cooperation
            """;

    private static final String SESSIONS = """
            INSERT INTO metrics_intervisie_session (session_id, region_code, held_at, present, absent, excused)
            SELECT s.id, g.region_code, s.starts_at, count(*) FILTER (WHERE a.attendance = 'PRESENT'),
                   count(*) FILTER (WHERE a.attendance = 'ABSENT'), count(*) FILTER (WHERE a.attendance = 'EXCUSED')
            FROM intervisie_session s JOIN intervisie_group g ON g.id = s.group_id
            JOIN intervisie_attendance a ON a.session_id = s.id
            WHERE s.status = 'HELD' %s
            GROUP BY s.id, g.region_code, s.starts_at
            ON CONFLICT (session_id) DO UPDATE SET region_code = EXCLUDED.region_code, held_at = EXCLUDED.held_at,
                   present = EXCLUDED.present, absent = EXCLUDED.absent, excused = EXCLUDED.excused
            """;

    private static final String BUDDY_EVALUATIONS = """
            INSERT INTO metrics_buddy_evaluation (match_id, region_code, submitted_at, prepared, supported, parent_contact,
                   school_cooperation, parent_in_control)
            SELECT e.match_id, e.region_code, e.submitted_at, e.prepared, e.supported, e.parent_contact, e.school_cooperation,
                   e.parent_in_control
            FROM buddy_evaluation e
            %s
            ON CONFLICT (match_id) DO UPDATE SET region_code = EXCLUDED.region_code, submitted_at = EXCLUDED.submitted_at,
                   prepared = EXCLUDED.prepared, supported = EXCLUDED.supported, parent_contact = EXCLUDED.parent_contact,
                   school_cooperation = EXCLUDED.school_cooperation, parent_in_control = EXCLUDED.parent_in_control
            """;

    private static final String SESSION_THEMES = """
            INSERT INTO metrics_intervisie_theme (session_id, theme_code, theme_name, region_code, held_at)
            SELECT s.id, t.theme_code, st.name, g.region_code, s.starts_at
            FROM intervisie_session s JOIN intervisie_group g ON g.id = s.group_id
            JOIN intervisie_theme t ON t.session_id = s.id JOIN signal_theme st ON st.code = t.theme_code
            WHERE s.status = 'HELD' %s
            ON CONFLICT (session_id, theme_code) DO UPDATE SET theme_name = EXCLUDED.theme_name, region_code = EXCLUDED.region_code,
                   held_at = EXCLUDED.held_at
            """;

    private static final String SIGNALS = """
            INSERT INTO metrics_signal (line_id, theme_code, theme_name, region_code, match_id, contact_on)
            SELECT l.id, t.theme_code, t.theme_name, l.region_code, l.match_id, l.contact_on
            FROM contact_log l JOIN contact_log_theme t ON t.log_id = l.id
            %s
            """;

    /** Sets each signal line's day of the previous line of the same match, theme and region; only where it changed. */
    private static final String LINK_SIGNALS = """
            UPDATE metrics_signal s SET prev_on = x.prev
            FROM (SELECT line_id, theme_code, prev_on,
                         lag(contact_on) OVER (PARTITION BY region_code, theme_code, match_id ORDER BY contact_on, line_id) AS prev
                  FROM metrics_signal %s) x
            WHERE s.line_id = x.line_id AND s.theme_code = x.theme_code AND x.prev_on IS DISTINCT FROM x.prev
            """;

    private static final String TASK = """
            INSERT INTO metrics_task (task_id, task_key, task_name, process_key, region_code, created_at, due_at, ended_at, completed)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (task_id) DO UPDATE SET task_key = COALESCE(EXCLUDED.task_key, metrics_task.task_key),
                   task_name = COALESCE(EXCLUDED.task_name, metrics_task.task_name),
                   process_key = COALESCE(EXCLUDED.process_key, metrics_task.process_key),
                   region_code = COALESCE(EXCLUDED.region_code, metrics_task.region_code),
                   created_at = COALESCE(EXCLUDED.created_at, metrics_task.created_at),
                   due_at = CASE WHEN metrics_task.ended_at IS NULL THEN EXCLUDED.due_at ELSE metrics_task.due_at END,
                   ended_at = COALESCE(metrics_task.ended_at, EXCLUDED.ended_at),
                   completed = CASE WHEN metrics_task.ended_at IS NULL THEN EXCLUDED.completed ELSE metrics_task.completed END
            """;

    private static final String[] TABLES = { "metrics_application", "metrics_help_request", "metrics_buddy", "metrics_evaluation",
            "metrics_intervisie_session", "metrics_signal", "metrics_task", "metrics_buddy_evaluation", "metrics_intervisie_theme" };

    private final JdbcClient db;

    ReadModel(JdbcClient db) {
        this.db = db;
    }

    void application(UUID id) {
        db.sql(APPLICATIONS.formatted("WHERE a.id = ?")).param(id).update();
    }

    void helpRequest(UUID id) {
        db.sql(HELP_REQUESTS.formatted("WHERE r.id = ?")).param(id).update();
    }

    /** The help requests of these regions whose match is not closed yet. */
    void openHelpRequests(Collection<RegionCode> regions) {
        db.sql(HELP_REQUESTS.formatted("WHERE r.region_code = ANY (?) AND r.id IN (SELECT request_id FROM metrics_help_request "
                + "WHERE closed_at IS NULL AND matched_at IS NOT NULL)")).param(codes(regions)).update();
    }

    void buddy(UUID id) {
        db.sql(BUDDIES.formatted("WHERE b.application_id = ?")).param(id).update();
    }

    void buddies(Collection<RegionCode> regions) {
        db.sql(BUDDIES.formatted("WHERE b.region_code = ANY (?)")).param(codes(regions)).update();
    }

    void evaluation(UUID matchId) {
        db.sql(EVALUATIONS.formatted("WHERE e.match_id = ?")).param(matchId).update();
    }

    void buddyEvaluation(UUID matchId) {
        db.sql(BUDDY_EVALUATIONS.formatted("WHERE e.match_id = ?")).param(matchId).update();
    }

    /** The session's attendance and its themes. */
    void session(UUID sessionId) {
        db.sql(SESSIONS.formatted("AND s.id = ?")).param(sessionId).update();
        db.sql("DELETE FROM metrics_intervisie_theme WHERE session_id = ?").param(sessionId).update();
        db.sql(SESSION_THEMES.formatted("AND s.id = ?")).param(sessionId).update();
    }

    /** The line's themes again, and the previous-line days of its match's lines (before and after). */
    void contactLine(long lineId) {
        List<UUID> matches = new ArrayList<>(db.sql("DELETE FROM metrics_signal WHERE line_id = ? RETURNING match_id").param(lineId)
                .query(UUID.class).list());
        db.sql(SIGNALS.formatted("WHERE l.id = ?")).param(lineId).update();
        matches.addAll(db.sql("SELECT match_id FROM metrics_signal WHERE line_id = ?").param(lineId).query(UUID.class).list());
        if (!matches.isEmpty()) {
            db.sql(LINK_SIGNALS.formatted("WHERE match_id = ANY (?::uuid[])")).param(matches.stream().distinct().map(UUID::toString)
                    .toArray(String[]::new)).update();
        }
    }

    /** Sets every signal line's day of its match's previous line with the theme; after a bulk load. */
    public void linkSignals() {
        db.sql(LINK_SIGNALS.formatted("")).update();
    }

    public void task(TaskChanged task) {
        db.sql(TASK).params(task.taskId(), task.taskKey(), task.taskName(), task.processKey(),
                task.region() == null ? null : task.region().value(), timestamp(task.createdAt()), timestamp(task.dueAt()),
                timestamp(task.endedAt()), task.completed()).update();
    }

    /** Empties the read model and fills it again from the modules' tables; tasks come separately. */
    public void rebuildFromModules() {
        db.sql("TRUNCATE " + String.join(", ", TABLES)).update();
        db.sql(APPLICATIONS.formatted("")).update();
        db.sql(HELP_REQUESTS.formatted("")).update();
        db.sql(BUDDIES.formatted("")).update();
        db.sql(EVALUATIONS.formatted("")).update();
        db.sql(SESSIONS.formatted("")).update();
        db.sql(SIGNALS.formatted("")).update();
        linkSignals();
        db.sql(BUDDY_EVALUATIONS.formatted("")).update();
        db.sql(SESSION_THEMES.formatted("")).update();
    }

    private static String[] codes(Collection<RegionCode> regions) {
        return regions.stream().map(RegionCode::value).toArray(String[]::new);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
