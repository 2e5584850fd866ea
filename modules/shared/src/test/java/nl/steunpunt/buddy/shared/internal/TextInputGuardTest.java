package nl.steunpunt.buddy.shared.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.steunpunt.buddy.shared.InvalidInputException;
import nl.steunpunt.buddy.shared.TranslatableException;

class TextInputGuardTest {

    record Form(String name, Set<String> schools, Map<String, Object> extra) {
    }

    @Test
    void a_nul_character_anywhere_in_the_arguments_is_refused_with_its_key() {
        for (Object argument : List.of("a\u0000b", new Form("Jan\u0000", Set.of(), Map.of()), new Form("Jan", Set.of("x\u0000"), Map.of()),
                new Form("Jan", Set.of(), Map.of("k", List.of("\u0000"))))) {
            assertThatThrownBy(() -> TextInputGuard.check(argument, 4)).as("%s", argument).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((TranslatableException) e).messageKey())
                            .isEqualTo(TextInputGuard.KEY));
        }
    }

    @Test
    void other_text_hostile_or_not_passes_to_the_module_which_checks_it_field_by_field() {
        for (Object argument : List.of("<script>alert(1)</script>", "${7*7}", "Jan\u202Egnilleps", "' OR '1'='1", "😀",
                new Form("Jan", Set.of("De Regenboog"), Map.of("k", 1)))) {
            assertThatCode(() -> TextInputGuard.check(argument, 4)).as("%s", argument).doesNotThrowAnyException();
        }
    }
}
