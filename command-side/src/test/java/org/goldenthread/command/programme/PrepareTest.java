package org.goldenthread.command.programme;

import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.PURPOSE;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.launched;
import static org.goldenthread.command.programme.ProgrammeFixture.member;
import static org.goldenthread.command.programme.ProgrammeFixture.participant;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.programme.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrepareTest {

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    private static SamplePlan plan(int quantity) {
        return SamplePlan.validated(
                "person-centred reviews",
                "review meetings",
                "people using the unit",
                "the unit",
                "spring",
                quantity,
                20);
    }

    @Test
    void launching_a_programme_records_its_purpose_and_level() {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(P, PURPOSE, Level.UNIT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new ProgrammeLaunched(P, PURPOSE, Level.UNIT));
    }

    @Test
    void a_sample_plan_may_be_replaced() {
        fixture.given(launched(), new SamplePlanned(P, plan(10)))
                .when(new PlanSample(P, plan(20)))
                .expectEvents(new SamplePlanned(P, plan(20)));
    }

    @Test
    void registering_a_participant_records_their_perspective_and_login_and_seals_their_name_under_their_own_key() {
        fixture.given(launched(), member("sam", MemberRole.COMMISSIONER))
                .when(new RegisterParticipant(P, "p-sam", "Sam", Perspective.COMMISSIONER, "sam"))
                .expectEvents(new ParticipantRegistered(
                        P,
                        "p-sam",
                        null,
                        Perspective.COMMISSIONER,
                        "sam",
                        FakeVault.sealed(P, ParticipantRegistered.subject("p-sam"), "Sam")));
    }

    @Test
    void a_participant_is_registered_once() {
        fixture.given(launched(), participant("p-sam", "sam"))
                .when(new RegisterParticipant(P, "p-sam", "Sam again", Perspective.PROVIDER, null))
                .expectException(violates("participant-registered-once"))
                .expectNoEvents();
    }

    @Test
    void a_login_is_linked_to_one_participant_only() {
        fixture.given(launched(), member("sam", MemberRole.PARTICIPANT), participant("p-sam", "sam"))
                .when(new RegisterParticipant(P, "p-kim", "Kim", Perspective.PROVIDER, "sam"))
                .expectException(RuleViolation.class)
                .expectException(violates("username-linked-once"))
                .expectNoEvents();
    }

    @Test
    void a_participant_login_is_a_member_of_the_programme() {
        fixture.given(launched())
                .when(new RegisterParticipant(P, "p-sam", "Sam", Perspective.PERSON, "sam"))
                .expectException(violates("participant-login-is-a-member"))
                .expectNoEvents();
    }

    @Test
    void participants_without_a_login_may_be_registered_side_by_side() {
        fixture.given(launched(), participant("p-sam", null))
                .when(new RegisterParticipant(P, "p-kim", "Kim", Perspective.CARER_FAMILY, null))
                .expectEvents(new ParticipantRegistered(
                        P,
                        "p-kim",
                        null,
                        Perspective.CARER_FAMILY,
                        null,
                        FakeVault.sealed(P, ParticipantRegistered.subject("p-kim"), "Kim")));
    }

    @Test
    void forgetting_a_participant_tombstones_their_name_within_the_act() {
        FakeVault vault = new FakeVault();
        fixture(vault)
                .given(launched(), participant("p-sam", null))
                .when(new ForgetParticipant(P, "p-sam", "asked to be erased"))
                .expectEvents(new ParticipantForgotten(P, "p-sam", "asked to be erased"));
        org.assertj.core.api.Assertions.assertThat(vault.tombstones)
                .containsExactly(P + "/" + ParticipantRegistered.subject("p-sam"));
    }

    @Test
    void a_participant_is_forgotten_once_and_their_key_destruction_recorded_once() {
        fixture.given(launched(), participant("p-sam", null), new ParticipantForgotten(P, "p-sam", "asked"))
                .when(new ForgetParticipant(P, "p-sam", "again"))
                .expectException(violates("forgotten-once"));
        fixture.given(launched(), participant("p-sam", null), new ParticipantForgotten(P, "p-sam", "asked"))
                .when(new RecordKeyDestroyed(P, ParticipantRegistered.subject("p-sam")))
                .expectEvents(new PersonKeyDestroyed(P, ParticipantRegistered.subject("p-sam")));
        fixture.given(launched(), participant("p-sam", null))
                .when(new RecordKeyDestroyed(P, ParticipantRegistered.subject("p-sam")))
                .expectException(violates("erasure-asked-first"));
    }

    @Test
    void only_a_registered_participant_is_forgotten() {
        fixture.given(launched())
                .when(new ForgetParticipant(P, "p-nobody", "typo"))
                .expectException(org.goldenthread.kernel.UnknownReference.class)
                .expectNoEvents();
    }
}
