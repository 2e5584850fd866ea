package nl.steunpunt.buddy.workflow;

import java.util.Optional;
import java.util.UUID;

import nl.steunpunt.buddy.intervisie.SessionPlan;

/**
 * The intervisie cycle of a group as the planner uses it: each call saves in the intervisie module
 * and moves the group's process on in the same transaction, or neither happens. Access is checked by
 * the intervisie module (a facilitator of the group's region) and by the work items.
 */
public interface IntervisieCycle {

    /**
     * Plans the group's next session by completing its planning task; the new session's ID.
     * Refused ({@code error.intervisie.not-planning}) while the group is not waiting for a plan.
     */
    UUID plan(UUID groupId, SessionPlan plan);

    /** Moves a planned session that has not ended; the process waits for the new end. */
    void reschedule(UUID sessionId, SessionPlan plan);

    /** Cancels a planned session that has not ended; the process asks for a new plan. */
    void cancel(UUID sessionId);

    /**
     * Closes the group. Refused ({@code error.intervisie.close-not-now}) between a session and its
     * record: record it first.
     */
    void close(UUID groupId);

    /** Whether the group's process waits for a plan now (its planning task is open). */
    boolean awaitsPlan(UUID groupId);

    /** The session a planning-record or check-in task is about, for its screen; empty when the task has none. */
    Optional<UUID> sessionOf(String taskId);
}
