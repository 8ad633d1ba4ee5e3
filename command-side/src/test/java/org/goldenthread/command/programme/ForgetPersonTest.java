package org.goldenthread.command.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.launched;
import static org.goldenthread.command.programme.ProgrammeFixture.review;
import static org.goldenthread.command.programme.ProgrammeFixture.statement;
import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;
import static org.goldenthread.kernel.Category.NOT_WORKING;

import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.programme.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForgetPersonTest {

    private FakeVault vault;
    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        vault = new FakeVault();
        fixture = fixture(vault);
    }

    @Test
    void forgetting_a_person_tombstones_their_words_within_the_act_and_leaves_the_key_to_the_erasure_process() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"))
                .when(new ForgetPerson(P, "anna", "asked to be forgotten"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonForgotten(P, "anna", "asked to be forgotten"));
        assertThat(vault.tombstones).containsExactly(P + "/anna");
        // inside the act's unit of work, before its commit: the tombstone commits (or rolls back) with the event
        assertThat(vault.phasesAtTombstone).containsExactly(UnitOfWork.Phase.STARTED);
        assertThat(vault.destroyedKeys).isEmpty();
    }

    @Test
    void a_destroyed_key_is_recorded_once_for_a_forgotten_person() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        new PersonForgotten(P, "anna", "asked to be forgotten"))
                .when(new RecordKeyDestroyed(P, "anna"))
                .expectEvents(new PersonKeyDestroyed(P, "anna"));
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        new PersonForgotten(P, "anna", "asked to be forgotten"),
                        new PersonKeyDestroyed(P, "anna"))
                .when(new RecordKeyDestroyed(P, "anna"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_key_is_destroyed_only_for_an_erasure_asked_for() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"))
                .when(new RecordKeyDestroyed(P, "anna"))
                .expectException(violates("erasure-asked-first"))
                .expectNoEvents();
    }

    @Test
    void a_person_is_forgotten_once() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"),
                        new PersonForgotten(P, "anna", "asked to be forgotten"))
                .when(new ForgetPerson(P, "anna", "asked again"))
                .expectException(violates("forgotten-once"))
                .expectNoEvents();
        assertThat(vault.destroyedKeys).isEmpty();
    }

    @Test
    void only_a_person_who_gave_statements_can_be_forgotten() {
        fixture.given(
                        launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"))
                .when(new ForgetPerson(P, "nobody", "typo"))
                .expectException(UnknownReference.class)
                .expectException(unknown("person", "nobody"))
                .expectNoEvents();
        assertThat(vault.destroyedKeys).isEmpty();
    }
}
