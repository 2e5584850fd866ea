package nl.steunpunt.buddy.shared;

/**
 * The audit trail of case files: every view and every change, who did it, in which role and region,
 * and when. Modules call {@link #record(AuditEvent)} from inside their own transaction, so the entry
 * is written if and only if the work it describes is committed. Who and when are added by the
 * implementation (from {@link CurrentActor} and the application clock); callers say what happened.
 */
public interface AuditTrail {

    /** Appends one entry for the acting user (or for the system, when nobody is signed in). */
    void record(AuditEvent event);
}
