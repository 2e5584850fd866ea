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

import nl.steunpunt.buddy.notification.MailTemplate;

/** One mail the SMTP server accepted: to whom, what, about which case, when. */
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

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    protected MailLogEntity() {
    }

    public MailLogEntity(String recipient, String subject, String body, MailTemplate template, String caseReference,
            Instant sentAt) {
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.template = template;
        this.caseReference = caseReference;
        this.sentAt = sentAt;
    }

    public Long id() { return id; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    public String body() { return body; }
    public MailTemplate template() { return template; }
    public String caseReference() { return caseReference; }
    public Instant sentAt() { return sentAt; }
}
