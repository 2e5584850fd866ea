package nl.steunpunt.buddy.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.OptionalDouble;

/**
 * A percentile, average or rate over a number of cases, shown only when there are at least
 * {@link Count#MINIMUM} of them; rounded to one decimal.
 */
public record Measure(OptionalDouble value) {

    static Measure over(long cases, Double value) {
        return new Measure(cases >= Count.MINIMUM && value != null ? OptionalDouble.of(round(value)) : OptionalDouble.empty());
    }

    public boolean suppressed() {
        return value.isEmpty();
    }

    /** The value with one decimal and a point, or "&lt; 5" when there are too few cases. */
    public String text() {
        return value.isPresent() ? BigDecimal.valueOf(value.getAsDouble()).setScale(1, RoundingMode.HALF_UP).toPlainString() : Count.SUPPRESSED;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
