package nl.steunpunt.buddy.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * A job that failed, or an incident, with its case.
 *
 * @param jobId         empty for an incident that has no job
 * @param incidentId    empty while the job still has retries left
 * @param caseReference the business key of its process (empty when it has none)
 * @param processName   the Dutch name of its process model
 * @param message       the first line of the failure message
 * @param retries       attempts left
 * @param annotation    an administrator's comment on the incident
 */
public record FailedJob(Optional<String> jobId, Optional<String> incidentId, Optional<String> caseReference, String processKey,
        String processName, String activityId, String activityName, Instant failedAt, String message, int retries, Optional<String> annotation) {
}
