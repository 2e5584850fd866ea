package nl.steunpunt.buddy.workflow;

import java.time.Instant;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * A user task was created, changed, completed or deleted: a snapshot of its type, process, region
 * and dates, never its assignee or any content. Published inside the engine's transaction. Being a
 * snapshot, a listener may apply a task's snapshots in any order and keep the latest facts.
 *
 * @param region the region of its case; {@code null} when the process holds none
 * @param dueAt {@code null} when the task has no due date
 * @param endedAt {@code null} while the task is open
 * @param completed whether it ended by completion rather than by its case moving on without it
 */
public record TaskChanged(String taskId, String taskKey, String taskName, String processKey, RegionCode region, Instant createdAt,
        Instant dueAt, Instant endedAt, boolean completed) {
}
