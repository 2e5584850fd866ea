package nl.steunpunt.buddy.notification;

import java.time.Instant;

/** A mail as it was sent, for the outbox screen. */
public record SentMail(
        long id,
        String to,
        String subject,
        String body,
        MailTemplate template,
        String caseReference,
        Instant sentAt) {
}
