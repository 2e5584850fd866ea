package nl.steunpunt.buddy.support;

import java.util.List;
import java.util.OptionalInt;

/**
 * One theme of the signalen report: the number of matches whose contact log mentions it and the
 * number of mentions; the count of every other {@link SignalSource} (in the order of
 * {@link SignalReport#sources()}); and the total of the mentions and those counts. Each count is
 * empty when it is below {@link Signals#MINIMUM_COUNT}, and the contact-log pair is empty together
 * when fewer than that many matches mention the theme: such a count is never shown, only "&lt; 5".
 * The total is shown only when every part of it is shown, so that no suppressed part can be worked
 * out by subtraction.
 */
public record SignalCount(String themeCode, String themeName, OptionalInt matches, OptionalInt mentions, List<OptionalInt> sources,
        OptionalInt total) {

    public SignalCount {
        sources = List.copyOf(sources);
    }

    /** A row with contact-log counts only (no other sources), its total the mentions. */
    public SignalCount(String themeCode, String themeName, OptionalInt matches, OptionalInt mentions) {
        this(themeCode, themeName, matches, mentions, List.of(), mentions);
    }

    /** Whether the contact-log counts are suppressed. */
    public boolean suppressed() {
        return matches.isEmpty();
    }
}
