package nl.steunpunt.buddy.shared;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user typed into a search field, as a {@code LIKE … ESCAPE '\'} pattern that finds it anywhere in a
 * lower-cased column: NUL left out (PostgreSQL text cannot hold one, so no stored name contains it), trimmed,
 * lower-cased, and {@code \ % _} escaped so they match themselves.
 */
public final class SearchText {

    private SearchText() {
    }

    /** The pattern, or empty when nothing is left to search for. */
    public static Optional<String> containsPattern(Optional<String> typed) {
        return typed.map(t -> t.replace("\u0000", "").trim()).filter(t -> !t.isEmpty())
                .map(t -> "%" + t.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
}
