package nl.steunpunt.buddy.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

import nl.steunpunt.buddy.shared.TranslatableException;

/** Short, translated feedback for the user. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String key, Object... params) {
        Notification n = Notification.show(UI.getCurrent().getTranslation(key, params), 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(TranslatableException e) {
        Notification n = Notification.show(UI.getCurrent().getTranslation(e.messageKey(), e.arguments()), 6000,
                Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
