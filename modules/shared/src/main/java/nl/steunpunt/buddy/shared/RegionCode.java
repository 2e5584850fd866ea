package nl.steunpunt.buddy.shared;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The code of a region (a samenwerkingsverband passend onderwijs), e.g. {@code PO-2605}.
 * Every case belongs to exactly one region.
 */
public record RegionCode(String value) implements Comparable<RegionCode> {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,31}");

    public RegionCode {
        Objects.requireNonNull(value, "region code");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidInputException("error.region.code.invalid", value);
        }
    }

    public static RegionCode of(String value) {
        return new RegionCode(value == null ? null : value.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
