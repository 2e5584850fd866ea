package nl.steunpunt.buddy.notification.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import nl.steunpunt.buddy.notification.MailStatus;
import nl.steunpunt.buddy.notification.MailTemplate;

/**
 * One mail of the outbox: to whom, what, about which case, and where its delivery is. Written as
 * {@link MailStatus#QUEUED} in the transaction of the step that sends it; {@link MailDelivery} sends it
 * after the commit and marks it.
 */
@Entity
@Table(name = "mail_log")
public class MailLogEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient", nullable = false, length = 254)
    private String recipient;

    @Column(name = "subject", nullable = false, length = 300)
    private String subject;

    @Column(name = "body", nullable = false, columnDefinition = "text")
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(name = "template", nullable = false, length = 40)
    private MailTemplate template;

    @Column(name = "case_reference", length = 64)
    private String caseReference;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private MailStatus status;

    @Column(name = "message_id", nullable = false, length = 100, unique = true)
    private String messageId;

    @Column(name = "queued_at", nullable = false)
    private Instant queuedAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "delivery_started_at")
    private Instant deliveryStartedAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    protected MailLogEntity() {
    }

    /** A queued mail with its Message-ID, which every delivery attempt sends unchanged. */
    public MailLogEntity(String recipient, String subject, String body, MailTemplate template, String caseReference,
            String messageId, Instant queuedAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.template = template;
        this.caseReference = caseReference;
        this.messageId = messageId;
        this.queuedAt = queuedAt;
        this.status = MailStatus.QUEUED;
    }

    public Long id() { return id; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    public String body() { return body; }
    public MailTemplate template() { return template; }
    public String caseReference() { return caseReference; }
    public Instant sentAt() { return sentAt; }
    public MailStatus status() { return status; }
    public String messageId() { return messageId; }
    public Instant queuedAt() { return queuedAt; }
    public int attempts() { return attempts; }
    public Instant deliveryStartedAt() { return deliveryStartedAt; }
    public String lastError() { return lastError; }
}
