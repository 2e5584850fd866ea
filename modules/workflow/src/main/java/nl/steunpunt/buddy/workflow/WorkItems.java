package nl.steunpunt.buddy.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The work-item API for screens: tasks of the acting user's roles in her regions, and nothing
 * else. Every method checks the acting user itself; callers cannot widen what she sees.
 */
public interface WorkItems {

    /** A page of tasks, in the query's order. */
    List<WorkItem> find(WorkItemQuery query, int offset, int limit);

    /** How many tasks the query finds, exactly: its cost grows with them. */
    long count(WorkItemQuery query);

    /**
     * How many tasks the query finds, counted no further than {@code limit} + 1: a result above {@code limit}
     * means "more than {@code limit}". Its cost stays the same however many tasks there are (the inbox's total).
     */
    long countUpTo(WorkItemQuery query, long limit);

    /**
     * One open task. Empty when it no longer exists (completed meanwhile); fails with an access
     * error when it belongs to another region or role.
     */
    Optional<WorkItem> get(String taskId);

    /** Takes the task; fails when a colleague took it first. Returns the task as it is now. */
    WorkItem claim(String taskId);

    /** Gives my task back to the group. Returns the task as it is now. */
    WorkItem unclaim(String taskId);

    /** Hands the task to a colleague who holds the same role in the task's region. */
    void assign(String taskId, String userId);

    /**
     * Completes the task. {@code domainAction} records the form's data in its module first, in the
     * same transaction: if either fails, neither happens. {@code routing} holds IDs and flags only.
     */
    void complete(String taskId, Map<String, Object> routing, Runnable domainAction);

    /** Adds a note to the task's case. */
    void comment(String taskId, String text);

    /** The timeline of a case (all its processes, tasks, assignments and notes), oldest first. */
    List<CaseEvent> history(String caseReference);
}
