package org.goldenthread.command.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.kernel.collect.*;
import org.junit.jupiter.api.Test;

class QualityCheckTest {

    private final QualityCheck check = QualityCheck.withSeedLexicon();

    @Test
    void words_in_the_first_person_are_not_flagged() {
        assertThat(check.reasonsFor("I have only one friend")).isEmpty();
        assertThat(check.reasonsFor("Nobody asks me what I'd like")).isEmpty();
        assertThat(check.reasonsFor("We can't get to our club")).isEmpty();
    }

    @Test
    void a_statement_not_in_the_first_person_is_flagged() {
        assertThat(check.reasonsFor("Going out shopping and to the hairdressers"))
                .containsExactly("not in the first person");
    }

    @Test
    void professional_language_is_flagged_by_its_lexicon_phrase() {
        assertThat(check.reasonsFor("balance of their dietary intake"))
                .containsExactly("professional language: 'balance of their dietary intake'", "not in the first person");
        assertThat(check.reasonsFor("Staff are Addressing Social  Isolation with me"))
                .containsExactly("professional language: 'addressing social isolation'");
    }

    @Test
    void phrases_match_whole_words_only() {
        QualityCheck narrow = new QualityCheck(List.of("care"));
        assertThat(narrow.reasonsFor("I like my carer")).isEmpty();
        assertThat(narrow.reasonsFor("I want care at home")).containsExactly("professional language: 'care'");
    }

    @Test
    void reasons_never_quote_the_persons_words() {
        String words = "The service user needs meaningful activities, says Jo";
        List<String> reasons = check.reasonsFor(words);
        assertThat(reasons)
                .containsExactly(
                        "professional language: 'service user'",
                        "professional language: 'meaningful activities'",
                        "not in the first person");
        assertThat(reasons).noneMatch(r -> r.contains("Jo") || r.contains("needs"));
    }
}
