package nl.steunpunt.buddy.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mail.MailException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

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
    }

    @Autowired
    Mailer mailer;

    @Test
    void a_dutch_mail_arrives_with_its_subject_recipient_and_utf8_body() throws Exception {
        mailer.send(received("zoe@example.org", new Locale("nl", "NL"), "Zoë", "AANM-2026-0001"));

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

        MimeMessage message = smtp.getReceivedMessages()[0];
        assertThat(message.getSubject()).isEqualTo("We have received your application to become a buddy (AANM-2026-0002)");
        assertThat((String) message.getContent()).startsWith("Dear Sam,");
    }

    @Test
    void a_sent_mail_is_recorded_and_listed_first_by_recent() {
        long before = mailer.count();
        Instant start = Instant.now();

        mailer.send(received("  noor@example.org ", Locale.forLanguageTag("nl"), "Noor", "AANM-2026-0003"));

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
        mailer.send(received("b@example.org", Locale.ENGLISH, "Bob", "PAGE-2"));
        mailer.send(received("c@example.org", Locale.ENGLISH, "Cas", "PAGE-3"));

        assertThat(mailer.recent(0, 2)).extracting(SentMail::caseReference).containsExactly("PAGE-3", "PAGE-2");
        assertThat(mailer.recent(1, 2)).extracting(SentMail::caseReference).containsExactly("PAGE-2", "PAGE-1");
        assertThat(mailer.recent(0, 0)).isEmpty();
    }

    @Test
    void when_the_smtp_server_is_down_send_fails_and_nothing_is_recorded() {
        long before = mailer.count();
        smtp.stop();

        assertThatThrownBy(() -> mailer.send(received("kim@example.org", Locale.ROOT, "Kim", "AANM-2026-0004")))
                .isInstanceOf(MailException.class);

        assertThat(mailer.count()).isEqualTo(before);
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
