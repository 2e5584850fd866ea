package nl.steunpunt.buddy.notification.internal;

/** A template with its placeholders filled in: one subject line and a plain-text body. */
public record RenderedMail(String subject, String body) {
}
