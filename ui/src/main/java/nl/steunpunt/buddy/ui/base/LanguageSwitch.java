package nl.steunpunt.buddy.ui.base;

import java.util.Locale;

import com.vaadin.flow.component.select.Select;

/** Nederlands / English. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setItems(BuddyI18NProvider.DUTCH, BuddyI18NProvider.ENGLISH);
        setItemLabelGenerator(locale -> locale.getLanguage().equals("en") ? "English" : "Nederlands");
        setAriaLabel("Taal / Language");
        setWidth("9em");
        addAttachListener(e -> setValue(BuddyI18NProvider.supported(e.getUI().getLocale())));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                SessionSetup.switchTo(e.getValue());
            }
        });
    }
}
