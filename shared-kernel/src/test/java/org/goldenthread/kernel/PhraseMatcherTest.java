package org.goldenthread.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {

    private final PhraseMatcher matcher =
            new PhraseMatcher(List.of("service user", "that's just how it is", "cuts", " cuts ", ""));

    @Test
    void phrases_are_found_as_whole_words_whatever_the_case_spacing_or_apostrophe() {
        assertThat(matcher.phrases()).containsExactly("service user", "that's just how it is", "cuts");
        assertThat(matcher.found("The SERVICE   user likes it")).containsExactly("service user");
        assertThat(matcher.found("That\u2019s just how it is, with the cuts"))
                .containsExactly("that's just how it is", "cuts");
        assertThat(matcher.found("He haircuts and scuts")).isEmpty();
        assertThat(matcher.found(null)).isEmpty();
    }
}
