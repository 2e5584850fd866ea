package nl.steunpunt.buddy.notification;

import java.time.Instant;

/**
 * A mail of the outbox, for the outbox screen.
 *
 * @param queuedAt  when the step that sends it recorded it
 * @param sentAt    when the SMTP server accepted it; {@code null} while it is queued or when it failed
 * @param lastError why the last attempt failed, or {@code null}
 */
public record SentMail(
        long id,
        String to,
        String subject,
        String body,
        MailTemplate template,
        String caseReference,
        MailStatus status,
        Instant queuedAt,
        Instant sentAt,
        int attempts,
        String lastError) {
}
