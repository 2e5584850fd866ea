package nl.steunpunt.buddy.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * The signal themes of one region in one quarter, with small counts already suppressed: from the
 * contact logs and from each other {@link SignalSource} (named in {@link #sources()}), and their
 * total per theme. There is no total over themes, and a theme's total is withheld whenever one of
 * its parts is: a total next to a suppressed cell would give the small number away.
 */
public record SignalReport(RegionCode region, Quarter quarter, List<String> sources, List<SignalCount> rows) {

    public SignalReport {
        sources = List.copyOf(sources);
        rows = List.copyOf(rows);
    }

    /** A report from the contact logs only. */
    public SignalReport(RegionCode region, Quarter quarter, List<SignalCount> rows) {
        this(region, quarter, List.of(), rows);
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
        return suppressed(region, quarter, tallies, List.of(), List.of(), minimum);
    }

    /**
     * As {@link #suppressed(RegionCode, Quarter, List, int)}, with the counts of other sources
     * ({@code counts} in the order of {@code sources}, per theme code; an absent theme counts 0).
     * Each source's count below {@code minimum} is suppressed; the total only shows when no part is.
     */
    static SignalReport suppressed(RegionCode region, Quarter quarter, List<Tally> tallies, List<String> sources,
            List<Map<String, Integer>> counts, int minimum) {
        List<SignalCount> rows = new ArrayList<>();
        for (Tally t : tallies) {
            boolean logShown = t.matches() >= minimum && t.mentions() >= minimum;
            boolean allShown = logShown;
            int total = t.mentions();
            List<OptionalInt> others = new ArrayList<>();
            for (Map<String, Integer> count : counts) {
                int n = count.getOrDefault(t.themeCode(), 0);
                total += n;
                if (n >= minimum) {
                    others.add(OptionalInt.of(n));
                } else {
                    others.add(OptionalInt.empty());
                    allShown = false;
                }
            }
            rows.add(new SignalCount(t.themeCode(), t.themeName(), logShown ? OptionalInt.of(t.matches()) : OptionalInt.empty(),
                    logShown ? OptionalInt.of(t.mentions()) : OptionalInt.empty(), others,
                    allShown ? OptionalInt.of(total) : OptionalInt.empty()));
        }
        return new SignalReport(region, quarter, sources, rows);
    }
}
