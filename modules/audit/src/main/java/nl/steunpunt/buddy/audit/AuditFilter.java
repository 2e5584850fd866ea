package nl.steunpunt.buddy.audit;

import java.time.LocalDate;

import nl.steunpunt.buddy.shared.AuditEvent.Action;
import nl.steunpunt.buddy.shared.AuditEvent.SubjectType;
import nl.steunpunt.buddy.shared.RegionCode;

/**
 * What to look for in the audit log; every field may be null (no restriction). {@code from} and
 * {@code to} are days in the application's time zone, both included.
 */
public record AuditFilter(String userId, SubjectType subjectType, String subjectId, Action action, RegionCode region,
        LocalDate from, LocalDate to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    public AuditFilter withSubjectId(String id) {
        return new AuditFilter(userId, subjectType, id, action, region, from, to);
    }
}
