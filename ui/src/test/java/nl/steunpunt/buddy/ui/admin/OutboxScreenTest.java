package nl.steunpunt.buddy.ui.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static nl.steunpunt.buddy.ui.TestWorld.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Pre;

import nl.steunpunt.buddy.notification.Mail;
import nl.steunpunt.buddy.notification.MailStatus;
import nl.steunpunt.buddy.notification.MailTemplate;
import nl.steunpunt.buddy.notification.Mailer;
import nl.steunpunt.buddy.notification.SentMail;
import nl.steunpunt.buddy.ui.KaribuTest;

/** The administrator's outbox shows where each mail's delivery is, and why a failed one failed. */
class OutboxScreenTest extends KaribuTest {

    private static final String FAILED_REFERENCE = "OUTBOX-FAILED";

    @Autowired Mailer mailer;
    @Autowired JdbcClient db;
    @Autowired Clock clock;

    @AfterEach
    void removeTheFailedMail() {
        db.sql("DELETE FROM mail_log WHERE case_reference = ?").param(FAILED_REFERENCE).update();
    }

    @Test
    void the_outbox_shows_a_sent_mail_as_sent_and_a_failed_one_as_failed_with_its_error() {
        String reference = "OUTBOX-" + UUID.randomUUID().toString().substring(0, 8);
        mailer.send(new Mail("lid@example.org", null, MailTemplate.APPLICATION_RECEIVED,
                Map.of("name", "Lid", "reference", reference), reference));
        // a mail the SMTP server refused on every attempt; newest of all, so it is the first row
        db.sql("""
                INSERT INTO mail_log (recipient, subject, body, template, case_reference, status, message_id, queued_at,
                    attempts, last_error)
                VALUES ('weg@example.org', 'Onderwerp', 'De tekst', 'APPLICATION_RECEIVED', ?, 'FAILED', ?, ?, 30,
                    '550 mailbox unavailable')""")
                .params(FAILED_REFERENCE, "<" + UUID.randomUUID() + "@steunpunt-buddy>",
                        Timestamp.from(clock.instant().plus(Duration.ofDays(3650)))).update();

        openAppAs(ADMIN);
        UI.getCurrent().navigate(OutboxView.class);

        @SuppressWarnings("unchecked")
        Grid<SentMail> grid = _get(Grid.class, spec -> spec.withId("outbox-grid"));
        SentMail failed = GridKt._get(grid, 0);
        assertThat(failed.caseReference()).isEqualTo(FAILED_REFERENCE);
        assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
        assertThat(GridKt._getFormatted(grid, 0, "status")).isEqualTo("Mislukt");
        assertThat(GridKt._getFormatted(grid, 0, "sent")).isEmpty();

        int sentRow = rowOf(grid, reference);
        assertThat(GridKt._getFormatted(grid, sentRow, "status")).isEqualTo("Verstuurd");
        assertThat(GridKt._getFormatted(grid, sentRow, "sent")).isNotEmpty();

        grid.select(failed);
        assertThat(_get(Pre.class, spec -> spec.withId("outbox-body")).getText())
                .isEqualTo("Poging 30 mislukte: 550 mailbox unavailable\n\nDe tekst");
    }

    private static int rowOf(Grid<SentMail> grid, String reference) {
        int size = GridKt._size(grid);
        for (int row = 0; row < size; row++) {
            if (reference.equals(GridKt._get(grid, row).caseReference())) {
                return row;
            }
        }
        throw new AssertionError("No mail of " + reference + " in the outbox");
    }
}
