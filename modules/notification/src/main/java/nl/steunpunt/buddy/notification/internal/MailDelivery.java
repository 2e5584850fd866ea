package nl.steunpunt.buddy.notification.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes queued mails of the outbox over SMTP, after the transaction that queued them committed. A mail
 * goes out in three steps, none of them inside the caller's transaction:
 * <ol>
 * <li><b>claim</b> the row in a short transaction of its own: {@code attempts + 1} and
 * {@code delivery_started_at = now}, only while it is queued and no other delivery holds a lease on it
 * (none started, or the last one started longer than the lease ago). Two nodes, or two threads, never
 * send the same row at the same time: PostgreSQL lets one update through and the other, after waiting for
 * the row, finds the lease taken;</li>
 * <li><b>send</b> it with the row's Message-ID header, the same on every attempt;</li>
 * <li><b>mark</b> it {@code SENT} with {@code sent_at}; or, when the SMTP server refused it, note the error
 * and leave it queued for the poller (after the last attempt: {@code FAILED}).</li>
 * </ol>
 * A node that dies between the SMTP server's acceptance and the mark leaves the row queued with its lease;
 * once the lease ran out the poller (on any node) sends it again with the same Message-ID, so a receiver
 * that deduplicates on it shows it once. Leases are measured on the database's clock, the one clock all
 * nodes share.
 * <p>
 * Public for the notification module's own tests; other modules use {@link nl.steunpunt.buddy.notification.Mailer}.
 */
@Component
public class MailDelivery {

    static final int MAX_ERROR = 500;

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final JavaMailSender sender;
    private final JdbcClient db;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final String from;
    private final Duration lease;
    private final int maxAttempts;
    /**
     * The SMTP conversations after a commit, on threads of their own: a conversation waits on the server for tens of
     * milliseconds per command, and run in the committing thread it held the engine's job threads and the module
     * listeners' threads meanwhile (issue #10, P1). A full queue leaves the mail to the poller.
     */
    private final ThreadPoolExecutor senders;

    MailDelivery(JavaMailSender sender, JdbcClient db, PlatformTransactionManager transactions, Clock clock,
            @Value("${buddy.mail.from:buddy@steunpunt.example}") String from,
            @Value("${buddy.mail.delivery.lease:PT2M}") Duration lease,
            @Value("${buddy.mail.delivery.max-attempts:30}") int maxAttempts,
            @Value("${buddy.mail.delivery.threads:4}") int threads,
            @Value("${buddy.mail.delivery.queue:10000}") int queue) {
        this.sender = sender;
        this.db = db;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.from = from;
        this.lease = lease;
        this.maxAttempts = maxAttempts;
        AtomicInteger number = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(queue), runnable -> {
            Thread thread = new Thread(runnable, "mail-delivery-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, (runnable, executor) -> log.warn("Mail delivery queue full; the outbox poller sends the mail"));
        this.senders.allowCoreThreadTimeOut(true);
    }

    /** Stops taking mails; those not yet sent stay queued in the outbox for the poller (of this or another node). */
    @PreDestroy
    void stop() {
        senders.shutdownNow();
    }

    /** A claimed row: what to send. */
    public record Claim(long id, String to, String subject, String body, String messageId, int attempt) {
    }

    /**
     * Delivers the mail on a delivery thread once the current transaction committed. A rolled-back transaction
     * sends nothing (its row is gone as well). A caller without a transaction (a script, a test) holds no engine
     * or listener thread, and its mail is delivered at once in its own thread.
     */
    public void afterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(id);
                }
            });
        } else {
            deliver(id);
        }
    }

    private void send(long id) {
        try {
            senders.execute(() -> deliver(id));
        } catch (RejectedExecutionException e) {
            // shutting down: the row stays queued for the poller
        }
    }

    /**
     * Claims, sends and marks one mail. Never throws: a failure leaves the row queued for the poller.
     *
     * @return whether this call sent it
     */
    public boolean deliver(long id) {
        Optional<Claim> claim;
        try {
            claim = claim(id);
        } catch (RuntimeException e) {
            log.warn("Could not claim mail {} for delivery; the poller tries again: {}", id, e.toString());
            return false;
        }
        if (claim.isEmpty()) {
            return false;
        }
        try {
            transmit(claim.get());
        } catch (RuntimeException e) {
            failed(claim.get(), e);
            return false;
        }
        try {
            markSent(id);
        } catch (RuntimeException e) {
            log.warn("Mail {} was sent but could not be marked; after its lease it is sent again with the same Message-ID: {}",
                    id, e.toString());
        }
        return true;
    }

    /**
     * Delivers every queued mail that nobody holds a lease on: those whose delivery after the commit failed
     * or never ran (SMTP down, the node died). Runs on every node; the claim keeps them apart.
     *
     * @return how many it sent
     */
    public int deliverDue() {
        List<Long> due = db.sql("""
                SELECT id FROM mail_log WHERE status = 'QUEUED'
                AND (delivery_started_at IS NULL OR delivery_started_at < clock_timestamp() - (? * interval '1 millisecond'))
                ORDER BY queued_at, id LIMIT 200""").param(lease.toMillis()).query(Long.class).list();
        int sent = 0;
        for (long id : due) {
            if (deliver(id)) {
                sent++;
            }
        }
        if (!due.isEmpty()) {
            log.info("Outbox poller: {} of {} due mails sent", sent, due.size());
        }
        return sent;
    }

    /** Step 1: takes the lease on a queued row in a transaction of its own; empty when someone else holds it. */
    public Optional<Claim> claim(long id) {
        return ownTransaction.execute(tx -> {
            int claimed = db.sql("""
                    UPDATE mail_log SET delivery_started_at = clock_timestamp(), attempts = attempts + 1
                    WHERE id = ? AND status = 'QUEUED'
                    AND (delivery_started_at IS NULL OR delivery_started_at < clock_timestamp() - (? * interval '1 millisecond'))""")
                    .params(id, lease.toMillis()).update();
            if (claimed == 0) {
                return Optional.<Claim>empty();
            }
            return db.sql("SELECT id, recipient, subject, body, message_id, attempts FROM mail_log WHERE id = ?").param(id)
                    .query((rs, n) -> new Claim(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
                            rs.getString("body"), rs.getString("message_id"), rs.getInt("attempts")))
                    .optional();
        });
    }

    /** Step 2: hands the claimed mail to the SMTP server with its own Message-ID. */
    public void transmit(Claim claim) {
        sender.send(message -> {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(claim.to());
            helper.setSubject(claim.subject());
            helper.setText(claim.body(), false);
            helper.setSentDate(Date.from(clock.instant()));
            // JavaMailSenderImpl keeps an explicit Message-ID through saveChanges()
            message.setHeader("Message-ID", claim.messageId());
        });
    }

    /**
     * Step 3: the SMTP server took it. Finding the row already SENT means another delivery claimed it after this
     * one's lease ran out and sent it too: the receiver got it twice, with the same Message-ID. That is logged.
     *
     * @return whether this call marked it; false when another delivery had already done so
     */
    public boolean markSent(long id) {
        Integer marked = ownTransaction.execute(tx -> db.sql("""
                UPDATE mail_log SET status = 'SENT', sent_at = ?, last_error = NULL WHERE id = ? AND status = 'QUEUED'""")
                .params(Timestamp.from(clock.instant()), id).update());
        if (marked == null || marked == 0) {
            log.warn("Mail {} was sent by another delivery as well (the lease of {} ran out while this one sent it)", id, lease);
            return false;
        }
        log.debug("Sent mail {}", id);
        return true;
    }

    private void failed(Claim claim, RuntimeException e) {
        String error = String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        error = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        boolean last = claim.attempt() >= maxAttempts;
        try {
            String noted = error;
            // the lease stays: the poller tries again once it ran out
            ownTransaction.executeWithoutResult(tx -> db.sql("""
                    UPDATE mail_log SET last_error = ?, status = ? WHERE id = ? AND status = 'QUEUED'""")
                    .params(noted, last ? "FAILED" : "QUEUED", claim.id()).update());
        } catch (RuntimeException noted) {
            log.warn("Could not note the failure of mail {}: {}", claim.id(), noted.toString());
        }
        if (last) {
            log.error("Mail {} failed after {} attempts and is not tried again: {}", claim.id(), claim.attempt(), error);
        } else {
            log.warn("Mail {} not sent (attempt {} of {}); the poller tries again: {}", claim.id(), claim.attempt(),
                    maxAttempts, error);
        }
    }
}
