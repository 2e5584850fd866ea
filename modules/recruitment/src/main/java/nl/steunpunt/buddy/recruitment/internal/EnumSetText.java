package nl.steunpunt.buddy.recruitment.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Stores small sets as one comma-separated, sorted column: readable in SQL and stable in diffs. */
public final class EnumSetText {

    private EnumSetText() {
    }

    public static String join(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
    }

    public static <E extends Enum<E>> Set<E> enums(String text, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        strings(text).forEach(value -> set.add(Enum.valueOf(type, value)));
        return set;
    }

    public static Set<String> strings(String text) {
        if (text == null || text.isBlank()) {
            return new LinkedHashSet<>();
        }
        return new TreeSet<>(Arrays.asList(text.split(",")));
    }
}
