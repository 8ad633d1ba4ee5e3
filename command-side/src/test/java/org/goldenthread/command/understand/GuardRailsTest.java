package org.goldenthread.command.understand;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.kernel.understand.*;
import org.junit.jupiter.api.Test;

/** Step 4's guard rails, as a plain class: whole words, any case, reasons name the phrase. */
class GuardRailsTest {

    private final GuardRails rails = GuardRails.withMethodDefaults();

    @Test
    void the_budget_and_the_nature_of_things_are_guard_rails() {
        assertThat(rails.reasonsFor("There is not enough money in the BUDGET"))
                .containsExactly("guard rail: 'budget'", "guard rail: 'not enough money'");
        assertThat(rails.reasonsFor("It is just human nature")).containsExactly("guard rail: 'human nature'");
        assertThat(rails.reasonsFor("That\u2019s just how it is"))
                .containsExactly("guard rail: 'that's just how it is'");
        assertThat(rails.reasonsFor("Because of the cuts")).containsExactly("guard rail: 'cuts'");
    }

    @Test
    void guard_rails_match_whole_words_only() {
        assertThat(rails.reasonsFor("Budgetary rules mean nobody haircuts at home"))
                .isEmpty();
        assertThat(rails.reasonsFor("Nobody visits")).isEmpty();
    }

    @Test
    void guard_rails_are_configurable() {
        GuardRails own = new GuardRails(List.of(" red  tape ", "red tape", ""));
        assertThat(own.phrases()).containsExactly("red tape");
        assertThat(own.reasonsFor("Too much Red\ntape")).containsExactly("guard rail: 'red tape'");
        assertThat(own.reasonsFor("The budget")).isEmpty();
    }
}
