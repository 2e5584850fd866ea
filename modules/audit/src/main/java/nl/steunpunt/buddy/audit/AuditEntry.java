package nl.steunpunt.buddy.audit;

import java.time.Instant;
import java.util.Optional;

import nl.steunpunt.buddy.shared.AuditEvent.Action;
import nl.steunpunt.buddy.shared.AuditEvent.SubjectType;

/**
 * One line of the audit log. {@code userId} is empty when nobody was signed in (the public form, the
 * process engine); {@code roles} and {@code regions} are the actor's at that moment, comma-separated.
 */
public record AuditEntry(long id, Instant at, Optional<String> userId, String roles, String regions, Action action,
        SubjectType subjectType, String subjectId, Optional<String> regionCode) {
}
