package nl.steunpunt.buddy.support;

import java.util.OptionalInt;

/**
 * One theme of the signalen report: the number of matches whose log mentions it and the number of
 * mentions. Both are empty when fewer than {@link Signals#MINIMUM_COUNT} matches mention the theme:
 * such a count is never shown, only "&lt; 5".
 */
public record SignalCount(String themeCode, String themeName, OptionalInt matches, OptionalInt mentions) {

    public boolean suppressed() {
        return matches.isEmpty();
    }
}
