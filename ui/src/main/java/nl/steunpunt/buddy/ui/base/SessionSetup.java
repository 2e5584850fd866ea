package nl.steunpunt.buddy.ui.base;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;

import nl.steunpunt.buddy.shared.TranslatableException;

/**
 * Per session: Dutch unless the user chose English (remembered in a cookie), and an error handler
 * that shows a translated message instead of a stack trace.
 */
@Component
public class SessionSetup implements VaadinServiceInitListener {

    static final String LANGUAGE_COOKIE = "buddy-lang";
    private static final Logger log = LoggerFactory.getLogger(SessionSetup.class);

    private final BuddyI18NProvider i18n;

    SessionSetup(BuddyI18NProvider i18n) {
        this.i18n = i18n;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> {
            VaadinSession session = init.getSession();
            session.setLocale(chosenLocale(init.getRequest()));
            session.setErrorHandler(this::handle);
        });
        event.getSource().addUIInitListener(init -> init.getUI().setLocale(init.getUI().getSession().getLocale()));
    }

    /** Switches the language of this session and remembers the choice. */
    public static void switchTo(Locale locale) {
        Locale chosen = BuddyI18NProvider.supported(locale);
        VaadinSession.getCurrent().setLocale(chosen);
        UI.getCurrent().setLocale(chosen);
        VaadinResponse response = VaadinService.getCurrentResponse();
        if (response != null) {
            Cookie cookie = new Cookie(LANGUAGE_COOKIE, chosen.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        UI.getCurrent().getPage().reload();
    }

    static Locale chosenLocale(VaadinRequest request) {
        if (request instanceof VaadinServletRequest servletRequest && servletRequest.getCookies() != null) {
            return Arrays.stream(servletRequest.getCookies())
                    .filter(c -> LANGUAGE_COOKIE.equals(c.getName()))
                    .map(c -> BuddyI18NProvider.supported(Locale.forLanguageTag(c.getValue())))
                    .findFirst().orElse(BuddyI18NProvider.DUTCH);
        }
        return BuddyI18NProvider.DUTCH;
    }

    private void handle(ErrorEvent event) {
        Throwable error = event.getThrowable();
        Locale locale = VaadinSession.getCurrent() == null ? BuddyI18NProvider.DUTCH : VaadinSession.getCurrent().getLocale();
        if (clientGone(error)) {
            // The browser went away mid-response (tab closed, network dropped): nobody to tell, nothing broken.
            log.debug("Client went away", error);
            return;
        }
        String message = messageFor(error, locale);
        if (UI.getCurrent() != null) {
            Notification notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * What the user is told about a failure, in her language: the message of a {@link TranslatableException},
     * that the data cannot be reached during a database outage, or else an unexpected error with an incident
     * code that is logged with the stack trace.
     */
    public String messageFor(Throwable error, Locale locale) {
        TranslatableException translatable = find(error);
        if (translatable != null) {
            return i18n.getTranslation(translatable.messageKey(), locale, translatable.arguments());
        }
        if (Outages.databaseUnreachable(error)) {
            log.warn("Database unreachable; the user is asked to try again: {}", error.toString());
            return i18n.getTranslation(Outages.DATABASE_UNAVAILABLE, locale);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, incident {}", incident, error);
        return i18n.getTranslation("error.unexpected", locale, incident);
    }

    static boolean clientGone(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current.getClass().getName().equals("org.apache.catalina.connector.ClientAbortException")) {
                return true;
            }
        }
        return false;
    }

    static TranslatableException find(Throwable error) {
        Throwable current = error;
        while (current != null) {
            if (current instanceof TranslatableException translatable) {
                return translatable;
            }
            current = current.getCause();
        }
        return null;
    }
}
