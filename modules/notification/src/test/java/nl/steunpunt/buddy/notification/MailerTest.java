package nl.steunpunt.buddy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import nl.steunpunt.buddy.notification.internal.MailDelivery;
import nl.steunpunt.buddy.shared.InvalidInputException;

@SpringBootTest
class MailerTest {

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.port(SMTP_PORT));

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("buddy.mail.delivery.max-attempts", () -> MAX_ATTEMPTS);
    }

    private static final int MAX_ATTEMPTS = 3;

    @Autowired
    Mailer mailer;

    @Autowired
    MailDelivery delivery;

    @Autowired
    JdbcClient db;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void a_dutch_mail_arrives_with_its_subject_recipient_and_utf8_body() throws Exception {
        mailer.send(received("zoe@example.org", new Locale("nl", "NL"), "Zoë", "AANM-2026-0001"));
        settled();

        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(1);
        MimeMessage message = messages[0];
        assertThat(message.getRecipients(Message.RecipientType.TO)).containsExactly(new InternetAddress("zoe@example.org"));
        assertThat(message.getFrom()).containsExactly(new InternetAddress("buddy@steunpunt.example"));
        assertThat(message.getSubject()).isEqualTo("We hebben je aanmelding als buddy ontvangen (AANM-2026-0001)");
        assertThat(message.getContentType()).containsIgnoringCase("text/plain").containsIgnoringCase("charset=UTF-8");
        assertThat((String) message.getContent())
                .startsWith("Beste Zoë,")
                .contains("Een coördinator uit jouw regio")
                .contains("Je aanmeldnummer is AANM-2026-0001.");
    }

    @Test
    void an_english_locale_gets_the_english_mail() throws Exception {
        mailer.send(received("sam@example.org", Locale.UK, "Sam", "AANM-2026-0002"));
        settled();

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("We have received your application to become a buddy (AANM-2026-0002)");
        assertThat((String) message.getContent()).startsWith("Dear Sam,");
    }

    @Test
    void a_sent_mail_is_recorded_and_listed_first_by_recent() {
        long before = mailer.count();
        Instant start = Instant.now();

        mailer.send(received("  noor@example.org ", Locale.forLanguageTag("nl"), "Noor", "AANM-2026-0003"));
        settled();

        assertThat(mailer.count()).isEqualTo(before + 1);
        SentMail sent = mailer.recent(0, 1).get(0);
        assertThat(sent.to()).isEqualTo("noor@example.org");
        assertThat(sent.template()).isEqualTo(MailTemplate.APPLICATION_RECEIVED);
        assertThat(sent.caseReference()).isEqualTo("AANM-2026-0003");
        assertThat(sent.subject()).isEqualTo("We hebben je aanmelding als buddy ontvangen (AANM-2026-0003)");
        assertThat(sent.body()).startsWith("Beste Noor,").doesNotContain("{{");
        assertThat(sent.sentAt()).isBetween(start.minusSeconds(1), Instant.now().plusSeconds(1));
    }

    @Test
    void recent_pages_through_the_outbox_newest_first() {
        mailer.send(received("a@example.org", Locale.ENGLISH, "Ann", "PAGE-1"));
        settled();
        mailer.send(received("b@example.org", Locale.ENGLISH, "Bob", "PAGE-2"));
        settled();
        mailer.send(received("c@example.org", Locale.ENGLISH, "Cas", "PAGE-3"));
        settled();

        assertThat(mailer.recent(0, 2)).extracting(SentMail::caseReference).containsExactly("PAGE-3", "PAGE-2");
        assertThat(mailer.recent(1, 2)).extracting(SentMail::caseReference).containsExactly("PAGE-2", "PAGE-1");
        assertThat(mailer.recent(0, 0)).isEmpty();
    }

    @Test
    void a_mail_carries_the_message_id_of_its_outbox_row() throws Exception {
        mailer.send(received("mia@example.org", Locale.ENGLISH, "Mia", "MSGID-1"));
        settled();

        SentMail sent = mailer.recent(0, 1).get(0);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo(messageId(sent.id()))
                .matches("<[0-9a-f-]{36}@steunpunt-buddy>");
    }

    @Test
    void inside_a_transaction_the_mail_is_queued_and_leaves_only_after_the_commit() {
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            mailer.send(received("ida@example.org", Locale.ENGLISH, "Ida", "COMMIT-1"));
            assertThat(smtp.getReceivedMessages()).isEmpty();
            assertThat(mailer.recent(0, 1).get(0).status()).isEqualTo(MailStatus.QUEUED);
        });

        settled();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(mailer.recent(0, 1).get(0).status()).isEqualTo(MailStatus.SENT);
    }

    @Test
    void a_rolled_back_transaction_sends_nothing_and_leaves_no_row() {
        long before = mailer.count();
        TransactionTemplate tx = new TransactionTemplate(transactions);

        tx.executeWithoutResult(status -> {
            mailer.send(received("rob@example.org", Locale.ENGLISH, "Rob", "ROLLBACK-1"));
            status.setRollbackOnly();
        });

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(mailer.count()).isEqualTo(before);
        assertThat(delivery.deliverDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void when_the_smtp_server_is_down_the_mail_stays_queued_and_the_poller_sends_it_once_the_server_is_back() throws Exception {
        smtp.stop();

        mailer.send(received("kim@example.org", Locale.ROOT, "Kim", "AANM-2026-0004"));
        settled();

        SentMail queued = mailer.recent(0, 1).get(0);
        assertThat(queued.status()).isEqualTo(MailStatus.QUEUED);
        assertThat(queued.sentAt()).isNull();
        assertThat(queued.attempts()).isEqualTo(1);
        assertThat(queued.lastError()).isNotBlank();

        smtp.start();
        assertThat(delivery.deliverDue()).as("the failed attempt's lease still holds").isZero();
        expireLeases();
        assertThat(delivery.deliverDue()).isEqualTo(1);
        expireLeases();
        assertThat(delivery.deliverDue()).isZero();

        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(smtp.getReceivedMessages()[0].getMessageID()).isEqualTo(messageId(queued.id()));
        SentMail sent = mailer.recent(0, 1).get(0);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.sentAt()).isNotNull();
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
    }

    @Test
    void after_the_last_attempt_a_mail_is_failed_with_its_error_and_not_tried_again() {
        smtp.stop();
        mailer.send(received("fay@example.org", Locale.ENGLISH, "Fay", "FAIL-1"));
        settled();
        for (int attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
            expireLeases();
            assertThat(delivery.deliverDue()).isZero();
        }

        SentMail failed = mailer.recent(0, 1).get(0);
        assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(MAX_ATTEMPTS);
        assertThat(failed.lastError()).isNotBlank();

        smtp.start();
        expireLeases();
        assertThat(delivery.deliverDue()).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_crash_between_smtp_acceptance_and_the_mark_resends_after_the_lease_with_the_same_message_id() throws Exception {
        long id = queuedWhileSmtpIsDown("CRASH-1");
        expireLeases();

        // a node claims the row and hands it to the SMTP server, then dies before it marks the row SENT
        MailDelivery.Claim claim = delivery.claim(id).orElseThrow();
        delivery.transmit(claim);

        assertThat(delivery.deliverDue()).as("the dead node's lease still holds").isZero();
        expireLeases();
        assertThat(delivery.deliverDue()).isEqualTo(1);

        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(2);
        assertThat(messages[0].getMessageID()).isEqualTo(messages[1].getMessageID()).isEqualTo(messageId(id));
        SentMail sent = mailer.recent(0, 1).get(0);
        assertThat(sent.status()).isEqualTo(MailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
    }

    @Test
    void a_delivery_whose_lease_ran_out_while_it_sent_finds_the_row_sent_by_another_and_changes_nothing() throws Exception {
        long id = queuedWhileSmtpIsDown("SLOW-1");
        expireLeases();

        // a slow delivery claims the row; its lease runs out before it hands the mail to SMTP
        MailDelivery.Claim slow = delivery.claim(id).orElseThrow();
        expireLeases();
        assertThat(delivery.deliverDue()).as("the poller takes the row over").isEqualTo(1);
        SentMail byPoller = mailer.recent(0, 1).get(0);
        delivery.transmit(slow);

        assertThat(delivery.markSent(id)).as("already marked by the poller").isFalse();
        SentMail after = mailer.recent(0, 1).get(0);
        assertThat(after.status()).isEqualTo(MailStatus.SENT);
        assertThat(after.sentAt()).isEqualTo(byPoller.sentAt());
        assertThat(smtp.getReceivedMessages()).extracting(MimeMessage::getMessageID).containsExactly(messageId(id), messageId(id));
    }

    @Test
    void concurrent_deliverers_of_the_same_row_send_one_smtp_message() throws Exception {
        int deliverers = 6;
        for (int round = 0; round < 5; round++) {
            smtp.reset();
            long id = queuedWhileSmtpIsDown("RACE-" + round);
            expireLeases();
            CyclicBarrier start = new CyclicBarrier(deliverers);
            ExecutorService pool = Executors.newFixedThreadPool(deliverers);
            try {
                List<Callable<Boolean>> tasks = new ArrayList<>();
                for (int i = 0; i < deliverers; i++) {
                    tasks.add(() -> {
                        start.await();
                        return delivery.deliver(id);
                    });
                }
                List<Boolean> results = new ArrayList<>();
                for (Future<Boolean> result : pool.invokeAll(tasks)) {
                    results.add(result.get());
                }
                assertThat(results).filteredOn(Boolean::booleanValue).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(smtp.getReceivedMessages()).hasSize(1);
            assertThat(mailer.recent(0, 1).get(0).status()).isEqualTo(MailStatus.SENT);
        }
    }

    /**
     * Waits until every queued mail has had its delivery after the commit (on the delivery threads): sent, or refused
     * with its error noted. A queued row without an error has not been tried yet, or is being sent.
     */
    private void settled() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> db.sql(
                "SELECT count(*) FROM mail_log WHERE status = 'QUEUED' AND last_error IS NULL").query(Long.class).single() == 0);
    }

    /** A queued mail whose delivery after the commit failed (its lease still holds). */
    private long queuedWhileSmtpIsDown(String reference) {
        smtp.stop();
        mailer.send(received("queued@example.org", Locale.ENGLISH, "Que", reference));
        settled();
        smtp.start();
        SentMail queued = mailer.recent(0, 1).get(0);
        assertThat(queued.caseReference()).isEqualTo(reference);
        assertThat(queued.status()).isEqualTo(MailStatus.QUEUED);
        return queued.id();
    }

    /** What a lease's running out looks like: every delivery started a day ago. */
    private void expireLeases() {
        db.sql("UPDATE mail_log SET delivery_started_at = delivery_started_at - interval '1 day' "
                + "WHERE delivery_started_at IS NOT NULL").update();
    }

    private String messageId(long id) {
        return db.sql("SELECT message_id FROM mail_log WHERE id = ?").param(id).query(String.class).single();
    }

    @Test
    void a_placeholder_without_a_value_fails_naming_it_and_nothing_is_sent() {
        long before = mailer.count();
        Map<String, String> values = Map.of("name", "Kees", "reference", "AANM-2026-0005", "date", "3 maart 2026",
                "time", "19:30");

        assertThatThrownBy(() -> mailer.send(new Mail("kees@example.org", Locale.forLanguageTag("nl"),
                MailTemplate.INTAKE_INVITATION, values, "AANM-2026-0005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("{{place}}");

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(mailer.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "no-at-sign.example.org", "two words@example.org" })
    void an_unusable_recipient_is_refused_with_a_translatable_key(String to) {
        assertRefused(to);
    }

    @Test
    void a_recipient_longer_than_254_characters_is_refused() {
        assertRefused("a".repeat(243) + "@example.org");
    }

    @Test
    void a_recipient_of_exactly_254_characters_is_accepted() {
        long before = mailer.count();

        mailer.send(received("a".repeat(242) + "@example.org", Locale.ENGLISH, "Ann", "AANM-2026-0006"));
        settled();

        assertThat(mailer.count()).isEqualTo(before + 1);
    }

    private void assertRefused(String to) {
        long before = mailer.count();

        assertThatThrownBy(() -> mailer.send(received(to, Locale.ENGLISH, "Ann", "AANM-2026-0007")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("error.mail.recipient.invalid"));

        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(mailer.count()).isEqualTo(before);
    }

    private static Mail received(String to, Locale locale, String name, String reference) {
        Map<String, String> values = new HashMap<>();
        values.put("name", name);
        values.put("reference", reference);
        return new Mail(to, locale, MailTemplate.APPLICATION_RECEIVED, values, reference);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
