package nl.steunpunt.buddy.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.steunpunt.buddy.notification.internal.MailLogEntity;
import nl.steunpunt.buddy.notification.internal.MailLogRepository;
import nl.steunpunt.buddy.notification.internal.MailRenderer;
import nl.steunpunt.buddy.notification.internal.RenderedMail;
import nl.steunpunt.buddy.shared.AccessDeniedException;
import nl.steunpunt.buddy.shared.CurrentActor;
import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.Role;

/**
 * The notification module's API: sends an e-mail from a template and keeps the outbox log.
 * <p>
 * A mail is recorded only after the SMTP server accepted it; when sending fails the exception
 * reaches the caller (a process step that the engine retries) and nothing is recorded. Everything
 * that could make the log refuse a sent mail is checked before sending.
 */
@Service
public class Mailer {

    static final int MAX_RECIPIENT = 254;
    static final int MAX_SUBJECT = 300;
    static final int MAX_CASE_REFERENCE = 64;

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final MailRenderer renderer;
    private final MailLogRepository mailLog;
    private final Clock clock;
    private final CurrentActor currentActor;
    private final String from;

    Mailer(JavaMailSender sender, MailRenderer renderer, MailLogRepository mailLog, Clock clock, CurrentActor currentActor,
            @Value("${buddy.mail.from:buddy@steunpunt.example}") String from) {
        this.sender = sender;
        this.renderer = renderer;
        this.mailLog = mailLog;
        this.clock = clock;
        this.currentActor = currentActor;
        this.from = from;
    }

    /**
     * Renders and sends a mail, then records it.
     *
     * @throws InvalidInputException    {@code error.mail.recipient.invalid} when the address is unusable
     * @throws IllegalArgumentException when the template needs a value that is missing; nothing is sent
     * @throws org.springframework.mail.MailException when the SMTP server did not take the mail
     */
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
        sender.send(message -> {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(rendered.subject());
            helper.setText(rendered.body(), false);
            helper.setSentDate(Date.from(clock.instant()));
        });
        Instant sentAt = clock.instant();
        mailLog.save(new MailLogEntity(to, rendered.subject(), rendered.body(), mail.template(), caseReference, sentAt));
        log.info("Sent {} mail for case {}", mail.template(), caseReference);
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
        return new SentMail(e.id(), e.recipient(), e.subject(), e.body(), e.template(), e.caseReference(), e.sentAt());
    }
}
