package nl.steunpunt.buddy.ui.base;

import java.util.List;
import java.util.Locale;

/**
 * The languages people can choose (ISO 639-1), one list for buddies and requesters alike, so the
 * language criterion of matching compares like with like; named in the reader's language.
 */
public final class Languages {

    public static final List<String> CODES = List.of("nl", "en", "ar", "tr", "pl", "uk", "so", "ti", "fa", "fr", "de", "es", "pap");

    private Languages() {
    }

    /** The name of a language in {@code in}, or its code when Java does not know it. */
    public static String name(String code, Locale in) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(in);
        return name.isBlank() || name.equals(code) ? code : name;
    }
}
