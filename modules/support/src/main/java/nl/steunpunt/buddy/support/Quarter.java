package nl.steunpunt.buddy.support;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.steunpunt.buddy.shared.InvalidInputException;

/** A calendar quarter, e.g. 2026-K4 (October to December 2026). */
public record Quarter(int year, int quarter) implements Comparable<Quarter> {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-K([1-4])");

    public Quarter {
        if (year < 2000 || year > 2999 || quarter < 1 || quarter > 4) {
            throw new InvalidInputException("error.signals.quarter");
        }
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** Reads the form {@link #toString()} writes, e.g. {@code 2026-K4}. */
    public static Quarter parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new InvalidInputException("error.signals.quarter");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public Quarter previous() {
        return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
    }

    @Override
    public int compareTo(Quarter other) {
        return Integer.compare(year * 4 + quarter, other.year * 4 + other.quarter);
    }

    @Override
    public String toString() {
        return year + "-K" + quarter;
    }
}
