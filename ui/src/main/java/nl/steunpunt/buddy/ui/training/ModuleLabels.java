package nl.steunpunt.buddy.ui.training;

import com.vaadin.flow.component.Component;

/** A module's label: its translation when the bundles know it, else the name from the catalogue. */
final class ModuleLabels {

    private ModuleLabels() {
    }

    static String of(Component component, String code, String fallback) {
        String text = component.getTranslation("module." + code);
        return text.startsWith("!") ? fallback : text;
    }
}
