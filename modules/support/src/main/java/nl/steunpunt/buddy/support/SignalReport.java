package nl.steunpunt.buddy.support;

import java.util.List;
import java.util.OptionalInt;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * The signal themes of one region in one quarter, with small counts already suppressed. It has no
 * totals: a total next to a suppressed cell would give the small number away.
 */
public record SignalReport(RegionCode region, Quarter quarter, List<SignalCount> rows) {

    public SignalReport {
        rows = List.copyOf(rows);
    }

    /** What the database counted for one theme; never leaves this module. */
    record Tally(String themeCode, String themeName, int matches, int mentions) {
    }

    /**
     * Builds the report from raw tallies: a theme mentioned in fewer than {@code minimum} matches shows
     * neither its matches nor its mentions (a high number of mentions in a few matches still points
     * at a few families).
     */
    static SignalReport suppressed(RegionCode region, Quarter quarter, List<Tally> tallies, int minimum) {
        return new SignalReport(region, quarter, tallies.stream()
                .map(t -> t.matches() < minimum || t.mentions() < minimum
                        ? new SignalCount(t.themeCode(), t.themeName(), OptionalInt.empty(), OptionalInt.empty())
                        : new SignalCount(t.themeCode(), t.themeName(), OptionalInt.of(t.matches()), OptionalInt.of(t.mentions())))
                .toList());
    }
}
