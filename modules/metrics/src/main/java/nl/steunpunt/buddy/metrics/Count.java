package nl.steunpunt.buddy.metrics;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * A count as the dashboard shows it: the number from {@link #MINIMUM} upwards, below it only
 * "&lt; 5", so that no small group of people can be singled out.
 */
public record Count(OptionalLong value) {

    /** The smallest count that is shown. */
    public static final int MINIMUM = 5;
    /** How a suppressed count reads, on screen and in the CSV. */
    public static final String SUPPRESSED = "< " + MINIMUM;

    public static Count of(long n) {
        return new Count(n >= MINIMUM ? OptionalLong.of(n) : OptionalLong.empty());
    }

    /**
     * The sum of the regions' parts, shown only when no part lies between zero and the minimum:
     * otherwise the total, beside the parts, would give a suppressed part away.
     */
    public static Count total(Collection<Long> parts) {
        boolean hidesPart = parts.stream().anyMatch(n -> n > 0 && n < MINIMUM);
        long sum = parts.stream().mapToLong(Long::longValue).sum();
        return hidesPart ? new Count(OptionalLong.empty()) : of(sum);
    }

    public boolean suppressed() {
        return value.isEmpty();
    }

    /** The number, or "&lt; 5". */
    public String text() {
        return value.isPresent() ? Long.toString(value.getAsLong()) : SUPPRESSED;
    }
}
