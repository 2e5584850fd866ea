package nl.steunpunt.buddy.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void typed_text_becomes_a_lower_case_contains_pattern_with_like_characters_escaped() {
        assertThat(SearchText.containsPattern(Optional.of("  De Vries "))).hasValue("%de vries%");
        assertThat(SearchText.containsPattern(Optional.of("50%_a\\b"))).hasValue("%50\\%\\_a\\\\b%");
    }

    @Test
    void nul_is_left_out_and_nothing_left_means_no_search() {
        assertThat(SearchText.containsPattern(Optional.of("an\u0000na"))).hasValue("%anna%");
        assertThat(SearchText.containsPattern(Optional.of(" \u0000 "))).isEmpty();
        assertThat(SearchText.containsPattern(Optional.empty())).isEmpty();
    }
}
