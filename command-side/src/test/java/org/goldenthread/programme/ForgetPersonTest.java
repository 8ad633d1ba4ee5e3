package org.goldenthread.programme;

import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.kernel.UnknownReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.kernel.Category.NOT_WORKING;
import static org.goldenthread.programme.ProgrammeFixture.P;
import static org.goldenthread.programme.ProgrammeFixture.fixture;
import static org.goldenthread.programme.ProgrammeFixture.launched;
import static org.goldenthread.programme.ProgrammeFixture.review;
import static org.goldenthread.programme.ProgrammeFixture.statement;
import static org.goldenthread.programme.ProgrammeFixture.unknown;
import static org.goldenthread.programme.ProgrammeFixture.violates;

class ForgetPersonTest {

    private FakeVault vault;
    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        vault = new FakeVault();
        fixture = fixture(vault);
    }

    @Test
    void forgetting_a_person_destroys_their_key_only_after_the_act_is_committed() {
        fixture.given(launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"))
                .when(new ForgetPerson(P, "anna", "asked to be forgotten"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PersonForgotten(P, "anna", "asked to be forgotten"));
        assertThat(vault.destroyedKeys).containsExactly(P + "/anna");
        assertThat(vault.phasesAtDestroy).containsExactly(UnitOfWork.Phase.AFTER_COMMIT);
    }

    @Test
    void a_person_is_forgotten_once() {
        fixture.given(launched(),
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
        fixture.given(launched(),
                        review("r1", "anna", "s1"),
                        statement("r1", "s1", "anna", NOT_WORKING, 1, "I have only one friend"))
                .when(new ForgetPerson(P, "nobody", "typo"))
                .expectException(UnknownReference.class)
                .expectException(unknown("person", "nobody"))
                .expectNoEvents();
        assertThat(vault.destroyedKeys).isEmpty();
    }
}
