package nl.steunpunt.buddy.workflow.internal;

import java.util.function.Function;

/** A setting that a region may override: the override's value when it has one, else the general value. */
final class RegionSetting {

    private RegionSetting() {
    }

    static <O, T> T value(O override, Function<O, T> getter, T fallback) {
        T value = override == null ? null : getter.apply(override);
        return value == null ? fallback : value;
    }
}
