package nl.steunpunt.buddy.notification;

/** Where a mail of the outbox is. */
public enum MailStatus {

    /** Recorded with the step that sends it; goes over SMTP after that step's transaction committed. */
    QUEUED,

    /** The SMTP server accepted it. */
    SENT,

    /** The SMTP server refused it on every attempt; it is not tried again. */
    FAILED
}
