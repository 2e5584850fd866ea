package nl.steunpunt.buddy.notification;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.notification.internal.MailDelivery;
import nl.steunpunt.buddy.notification.internal.MailLogEntity;
import nl.steunpunt.buddy.notification.internal.MailLogRepository;
import nl.steunpunt.buddy.notification.internal.MailRenderer;
import nl.steunpunt.buddy.notification.internal.RenderedMail;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.Role;

/**
 * The notification module's API: sends an e-mail from a template through a transactional outbox.
 * <p>
 * {@link #send} records the mail as {@link MailStatus#QUEUED}, with a Message-ID of its own, in the
 * caller's transaction (a process step); nothing goes over SMTP then. Only after that transaction
 * committed does {@link MailDelivery} send it and mark it {@link MailStatus#SENT}; a transaction that
 * rolls back sends nothing. When the SMTP server is away the mail stays queued and a poller sends it
 * later, with the same Message-ID, so that a resend after a crash is recognisable as the same mail.
 */
@Service
public class Mailer {

    static final int MAX_RECIPIENT = 254;
    static final int MAX_SUBJECT = 300;
    static final int MAX_CASE_REFERENCE = 64;

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final MailDelivery delivery;
    private final MailRenderer renderer;
    private final MailLogRepository mailLog;
    private final Clock clock;
    private final CurrentActor currentActor;

    Mailer(MailDelivery delivery, MailRenderer renderer, MailLogRepository mailLog, Clock clock, CurrentActor currentActor) {
        this.delivery = delivery;
        this.renderer = renderer;
        this.mailLog = mailLog;
        this.clock = clock;
        this.currentActor = currentActor;
    }

    /**
     * Renders a mail and queues it in the caller's transaction; it is sent after that transaction committed
     * (at once when the caller has none), and not at all when it rolls back. An SMTP failure does not reach
     * the caller: the mail stays queued and is sent later.
     *
     * @throws InvalidInputException    {@code error.mail.recipient.invalid} when the address is unusable
     * @throws IllegalArgumentException when the template needs a value that is missing; nothing is queued
     */
    @Transactional(noRollbackFor = { InvalidInputException.class, IllegalArgumentException.class })
    public void send(Mail mail) {
        if (mail == null || mail.template() == null) {
            throw new IllegalArgumentException("A mail needs a template");
        }
        String to = recipient(mail.to());
        String caseReference = caseReference(mail.caseReference());
        RenderedMail rendered = renderer.render(mail.template(), mail.locale(), mail.values());
        if (rendered.subject().length() > MAX_SUBJECT) {
            throw new IllegalArgumentException("Subject of " + mail.template() + " exceeds " + MAX_SUBJECT + " characters");
        }
        String messageId = "<" + UUID.randomUUID() + "@steunpunt-buddy>";
        MailLogEntity queued = mailLog.save(new MailLogEntity(to, rendered.subject(), rendered.body(), mail.template(),
                caseReference, messageId, clock.instant()));
        delivery.afterCommit(queued.id());
        log.info("Queued {} mail {} for case {}", mail.template(), queued.id(), caseReference);
    }

    /** A page of the outbox, newest first. It holds addresses and personal links: for administrators only. */
    @Transactional(readOnly = true)
    public List<SentMail> recent(int offset, int limit) {
        requireAdmin();
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        if (limit == 0) {
            return List.of();
        }
        return mailLog.findRecent(offset, limit).stream().map(Mailer::toSentMail).toList();
    }

    /**
     * The outbox forgets the requester of a case: recipient and body of every mail of this case
     * reference that went to the requester are replaced. Idempotent.
     */
    @Transactional
    public void anonymiseRequesterMails(String caseReference) {
        if (caseReference == null || caseReference.isBlank()) {
            return;
        }
        List<String> templates = java.util.Arrays.stream(MailTemplate.values()).filter(MailTemplate::toRequester).map(Enum::name).toList();
        mailLog.anonymise(caseReference.trim(), templates, "—");
    }

    /** How many mails the outbox holds; for administrators only. */
    @Transactional(readOnly = true)
    public long count() {
        requireAdmin();
        return mailLog.count();
    }

    private void requireAdmin() {
        if (!currentActor.require().hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("error.access.other-region");
        }
    }

    private static String recipient(String to) {
        String trimmed = to == null ? "" : to.trim();
        if (trimmed.isEmpty() || trimmed.length() > MAX_RECIPIENT || trimmed.indexOf('@') < 0
                || trimmed.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInputException("error.mail.recipient.invalid");
        }
        return trimmed;
    }

    private static String caseReference(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        String trimmed = reference.trim();
        if (trimmed.length() > MAX_CASE_REFERENCE) {
            throw new IllegalArgumentException("Case reference exceeds " + MAX_CASE_REFERENCE + " characters");
        }
        return trimmed;
    }

    private static SentMail toSentMail(MailLogEntity e) {
        return new SentMail(e.id(), e.recipient(), e.subject(), e.body(), e.template(), e.caseReference(), e.status(),
                e.queuedAt(), e.sentAt(), e.attempts(), e.lastError());
    }
}
