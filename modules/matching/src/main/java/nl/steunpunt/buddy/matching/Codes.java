package nl.steunpunt.buddy.matching;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Sets of codes stored as comma-separated text. */
final class Codes {

    private Codes() {
    }

    static String join(Collection<?> values) {
        return values.stream().map(Object::toString).sorted().collect(Collectors.joining(","));
    }

    static <E extends Enum<E>> Set<E> enums(String text, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        strings(text).forEach(value -> set.add(Enum.valueOf(type, value)));
        return set;
    }

    static Set<String> strings(String text) {
        if (text == null || text.isBlank()) {
            return new TreeSet<>();
        }
        return new TreeSet<>(Arrays.asList(text.split(",")));
    }
}
