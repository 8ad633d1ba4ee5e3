package org.goldenthread.command.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.launched;
import static org.goldenthread.command.programme.ProgrammeFixture.review;
import static org.goldenthread.command.programme.ProgrammeFixture.statement;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.kernel.Category.FUTURE;
import static org.goldenthread.kernel.Category.NOT_WORKING;
import static org.goldenthread.kernel.Category.WORKING;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.command.programme.FakeVault;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.collect.*;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CollectTest {

    private FakeVault vault;
    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        vault = new FakeVault();
        fixture = fixture(vault);
    }

    private static StatementInput in(String id, org.goldenthread.kernel.Category category, int priority, String text) {
        return new StatementInput(id, category, priority, text);
    }

    @Test
    void a_review_records_each_statement_in_order() {
        fixture.given(launched())
                .when(new RecordReview(
                        P,
                        "r1",
                        "anna",
                        List.of(
                                in("s1", NOT_WORKING, 1, "I have only one friend"),
                                in("s2", WORKING, 1, "I like my key worker"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        review("r1", "anna", "s1", "s2"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        statement("r1", "s2", "anna", WORKING, 1, "I like my key worker"));
    }

    @Test
    void statement_text_in_events_is_sealed_never_plain() {
        fixture.given(launched())
                .when(new RecordReview(P, "r1", "anna", List.of(in("s1", NOT_WORKING, 1, "I have only one friend"))))
                .expectEvents(
                        review("r1", "anna", "s1"),
                        new StatementRecorded(
                                P,
                                "r1",
                                "s1",
                                "anna",
                                NOT_WORKING,
                                1,
                                new SealedText(P + "/anna", "sealed:I have only one friend")));
        // the words went through the vault, under the person's key
        assertThat(vault.sealedPlainTexts).containsExactly("I have only one friend");
    }

    @Test
    void a_person_may_give_at_most_two_statements_per_category() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1", "s2"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        statement("r1", "s2", "anna", NOT_WORKING, 2, "I never get out"))
                .when(new RecordReview(P, "r2", "anna", List.of(in("s3", NOT_WORKING, 1, "I am bored"))))
                .expectException(violates("two-statements-per-category"))
                .expectExceptionMessage("a person may give at most 2 NOT_WORKING statements")
                .expectNoEvents();
        assertThat(vault.sealedPlainTexts).isEmpty();
    }

    @Test
    void a_person_may_give_two_statements_per_category_in_each_cycle() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1", "s2"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        statement("r1", "s2", "anna", NOT_WORKING, 2, "I never get out"),
                        new CycleStarted(P, 2, List.of(), "A year on"))
                .when(new RecordReview(
                        P,
                        "r2",
                        "anna",
                        List.of(
                                in("s3", NOT_WORKING, 1, "I am bored"),
                                in("s4", NOT_WORKING, 2, "I still never get out"))))
                .expectEvents(
                        review("r2", "anna", "s3", "s4"),
                        statement("r2", "s3", "anna", NOT_WORKING, 1, "I am bored"),
                        statement("r2", "s4", "anna", NOT_WORKING, 2, "I still never get out"));
    }

    @Test
    void a_person_may_give_at_most_two_statements_per_category_within_a_cycle() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        new CycleStarted(P, 2, List.of(), "A year on"),
                        review("r2", "anna", "s2", "s3"),
                        statement("r2", "s2", "anna", NOT_WORKING, 1, "I am bored"),
                        statement("r2", "s3", "anna", NOT_WORKING, 2, "I never get out"))
                .when(new RecordReview(P, "r3", "anna", List.of(in("s4", NOT_WORKING, 2, "I miss my dog"))))
                .expectException(violates("two-statements-per-category"))
                .expectNoEvents();
    }

    @Test
    void a_person_may_give_at_most_two_statements_per_category_within_one_review() {
        fixture.given(launched())
                .when(new RecordReview(
                        P,
                        "r1",
                        "anna",
                        List.of(
                                in("s1", FUTURE, 1, "I want a job"),
                                in("s2", FUTURE, 2, "I want to move"),
                                in("s3", FUTURE, 2, "I want a dog"))))
                .expectException(violates("two-statements-per-category"))
                .expectNoEvents();
    }

    @Test
    void a_person_may_give_two_statements_in_each_category_across_reviews() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1", "s2"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        statement("r1", "s2", "anna", NOT_WORKING, 2, "I never get out"),
                        review("r2", "bob", "s3"),
                        statement("r2", "s3", "bob", WORKING, 1, "I like my garden"))
                .when(new RecordReview(
                        P,
                        "r3",
                        "anna",
                        List.of(in("s4", WORKING, 2, "I like my flat"), in("s5", WORKING, 1, "I like my job"))))
                .expectEvents(
                        review("r3", "anna", "s4", "s5"),
                        statement("r3", "s4", "anna", WORKING, 2, "I like my flat"),
                        statement("r3", "s5", "anna", WORKING, 1, "I like my job"));
    }

    @Test
    void each_priority_is_given_once_per_person_and_category() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"))
                .when(new RecordReview(P, "r2", "anna", List.of(in("s2", NOT_WORKING, 1, "I never get out"))))
                .expectException(violates("priority-once-per-category"))
                .expectNoEvents();
    }

    @Test
    void review_ids_are_used_once() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"))
                .when(new RecordReview(P, "r1", "bob", List.of(in("s2", NOT_WORKING, 1, "I never get out"))))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void statement_ids_are_used_once() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"))
                .when(new RecordReview(P, "r2", "bob", List.of(in("s1", NOT_WORKING, 1, "I never get out"))))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void statement_ids_are_used_once_within_one_review() {
        fixture.given(launched())
                .when(new RecordReview(
                        P,
                        "r1",
                        "bob",
                        List.of(in("s1", NOT_WORKING, 1, "I never get out"), in("s1", WORKING, 1, "I like my garden"))))
                .expectException(violates("ids-unique"))
                .expectNoEvents();
    }

    @Test
    void a_forgotten_persons_pseudonym_cannot_be_used_again() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        new PersonForgotten(P, "anna", "asked to be forgotten"))
                .when(new RecordReview(P, "r2", "anna", List.of(in("s2", WORKING, 1, "I like my garden"))))
                .expectException(violates("forgotten-person"))
                .expectNoEvents();
    }

    @Test
    void a_statement_in_professional_language_is_flagged_never_rejected() {
        fixture.given(launched())
                .when(new RecordReview(
                        P,
                        "r1",
                        "anna",
                        List.of(
                                in("s1", NOT_WORKING, 1, "balance of their dietary intake"),
                                in("s2", NOT_WORKING, 2, "I have only one friend"),
                                in("s3", WORKING, 1, "Going out shopping and to the hairdressers"))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        review("r1", "anna", "s1", "s2", "s3"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "balance of their dietary intake"),
                        new StatementFlaggedAsProfessionalLanguage(
                                P,
                                "s1",
                                NOT_WORKING,
                                List.of(
                                        "professional language: 'balance of their dietary intake'",
                                        "not in the first person")),
                        statement("r1", "s2", "anna", NOT_WORKING, 2, "I have only one friend"),
                        statement("r1", "s3", "anna", WORKING, 1, "Going out shopping and to the hairdressers"),
                        new StatementFlaggedAsProfessionalLanguage(
                                P, "s3", WORKING, List.of("not in the first person")));
    }
}
