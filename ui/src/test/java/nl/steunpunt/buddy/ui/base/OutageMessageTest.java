package nl.steunpunt.buddy.ui.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.VaadinSession;

import nl.steunpunt.buddy.ui.KaribuTest;

/** A screen whose save meets a database outage tells the user so, in her language, instead of an unexpected error. */
class OutageMessageTest extends KaribuTest {

    private static final RuntimeException OUTAGE = new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms"));

    @Test
    void a_visitor_is_told_in_dutch_that_the_data_cannot_be_reached_and_nothing_was_saved() {
        openAppAnonymously();
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(OUTAGE));
        assertThat(notifications()).containsExactly(
                "De gegevens zijn even niet bereikbaar. Er is niets opgeslagen; probeer het over een minuut opnieuw.");
    }

    @Test
    void an_english_visitor_is_told_in_english() {
        openAppAnonymously(BuddyI18NProvider.ENGLISH);
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(OUTAGE));
        assertThat(notifications()).containsExactly("The data cannot be reached for a moment. Nothing was saved; please try again in a minute.");
    }

    @Test
    void any_other_failure_still_gets_an_incident_code() {
        openAppAnonymously();
        VaadinSession.getCurrent().getErrorHandler().error(new ErrorEvent(new IllegalStateException("bug")));
        assertThat(notifications()).singleElement().asString().startsWith("Er ging iets mis.");
    }

    private static List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map((Notification n) -> n.getElement().getProperty("text")).toList();
    }
}
