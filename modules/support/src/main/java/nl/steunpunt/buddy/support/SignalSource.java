package nl.steunpunt.buddy.support;

import java.time.LocalDate;
import java.util.Map;

import nl.steunpunt.buddy.shared.RegionCode;

/**
 * Another module that records signal themes (e.g. intervisie) and lets the signalen report count
 * them beside the contact logs. Implemented by that module as a bean; the report sums every source
 * it finds. A source counts occurrences of a theme (for intervisie: sessions that named it), never
 * persons, and hands over raw counts: suppression of small numbers is the report's job.
 */
public interface SignalSource {

    /**
     * A short stable name, lower case: the CSV column and the suffix of the screen's label key
     * {@code signals.source.<key>}.
     */
    String key();

    /** Where the report puts this source's column among others: lower first. */
    default int order() {
        return 0;
    }

    /** Per theme code, how often the theme was recorded in the region between both days (inclusive). */
    Map<String, Integer> count(RegionCode region, LocalDate from, LocalDate to);
}
