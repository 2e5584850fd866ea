package nl.steunpunt.buddy.workflow;

import java.util.List;

/**
 * The operational side of the engine for administrators: jobs that failed and incidents, each with
 * its case, to read, retry and comment on. Anyone else is refused.
 */
public interface Incidents {

    /** Failed jobs and open incidents, newest failure first. */
    List<FailedJob> list();

    /** The full stack trace of a failed job's last failure (empty when it has none). */
    String stackTrace(String jobId);

    /** Gives the job one more attempt, due now; its incident is resolved. */
    void retry(String jobId);

    /** Stores an administrator's comment on an incident. */
    void annotate(String incidentId, String text);
}
