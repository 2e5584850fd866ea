package nl.steunpunt.buddy.ui.base;

import com.vaadin.flow.component.Component;

/**
 * Labels of things that may or may not have a translation (BPMN elements, catalogue modules an
 * administrator added): the translation when the bundles know the key, else the given fallback.
 */
public final class Labels {

    private Labels() {
    }

    public static String of(Component component, String key, String fallback) {
        return BuddyI18NProvider.knows(key) ? component.getTranslation(key) : fallback;
    }
}
