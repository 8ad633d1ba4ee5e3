package org.goldenthread.command.programme;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.goldenthread.command.programme.ProgrammeFixture.FACILITATOR;
import static org.goldenthread.command.programme.ProgrammeFixture.P;
import static org.goldenthread.command.programme.ProgrammeFixture.PURPOSE;
import static org.goldenthread.command.programme.ProgrammeFixture.fixture;
import static org.goldenthread.command.programme.ProgrammeFixture.launched;
import static org.goldenthread.command.programme.ProgrammeFixture.member;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.programme.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Membership of a programme: one test per rule. */
class MembershipTest {

    private AggregateTestFixture<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture(new FakeVault());
    }

    @Test
    void the_user_who_launches_a_programme_is_its_first_facilitator() {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(P, PURPOSE, Level.UNIT), FACILITATOR)
                .expectEvents(
                        launched(),
                        new MembershipGranted(P, "fran", MemberRole.FACILITATOR, null, "launched the programme"));
    }

    @Test
    void granting_records_the_role_the_organisation_and_why() {
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR))
                .when(
                        new GrantMembership(
                                P, "cat", MemberRole.COMMISSIONER, "Northshire Council", "commissions day services"),
                        FACILITATOR)
                .expectEvents(new MembershipGranted(
                        P, "cat", MemberRole.COMMISSIONER, "Northshire Council", "commissions day services"));
    }

    @Test
    void granting_again_changes_the_role() {
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR), member("sam", MemberRole.PARTICIPANT))
                .when(new GrantMembership(P, "sam", MemberRole.AUDITOR, null, "audits this cycle"))
                .expectEvents(new MembershipGranted(P, "sam", MemberRole.AUDITOR, null, "audits this cycle"));
    }

    @Test
    void a_member_already_in_that_role_is_not_granted_it_again() {
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR), member("sam", MemberRole.PARTICIPANT))
                .when(new GrantMembership(P, "sam", MemberRole.PARTICIPANT, null, "again"))
                .expectException(violates("member-already-in-role"))
                .expectNoEvents();
    }

    @Test
    void commissioners_and_providers_act_for_an_organisation_and_nobody_else_does() {
        assertThatThrownBy(() -> new GrantMembership(P, "pam", MemberRole.PROVIDER, null, "runs the day centre"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field())
                                .isEqualTo("organisation"));
        assertThatThrownBy(() -> new GrantMembership(P, "sam", MemberRole.PARTICIPANT, "Council", "joins"))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.field())
                                .isEqualTo("organisation"));
    }

    @Test
    void revoking_ends_a_membership_with_its_reason() {
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR), member("sam", MemberRole.PARTICIPANT))
                .when(new RevokeMembership(P, "sam", "left the workshop"))
                .expectEvents(new MembershipRevoked(P, "sam", MemberRole.PARTICIPANT, "left the workshop"));
    }

    @Test
    void only_a_member_is_revoked() {
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR))
                .when(new RevokeMembership(P, "nobody", "typo"))
                .expectException(UnknownReference.class)
                .expectNoEvents();
    }

    @Test
    void the_programme_keeps_a_facilitator() {
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR))
                .when(new RevokeMembership(P, "fran", "leaving"))
                .expectException(violates("programme-keeps-a-facilitator"))
                .expectNoEvents();
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR))
                .when(new GrantMembership(P, "fran", MemberRole.AUDITOR, null, "stepping back"))
                .expectException(violates("programme-keeps-a-facilitator"))
                .expectNoEvents();
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR), member("gil", MemberRole.FACILITATOR))
                .when(new RevokeMembership(P, "fran", "leaving"))
                .expectEvents(new MembershipRevoked(P, "fran", MemberRole.FACILITATOR, "leaving"));
    }

    @Test
    void a_commissioner_is_granted_the_same_role_again_only_for_another_organisation() {
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR), member("cat", MemberRole.COMMISSIONER))
                .when(new GrantMembership(P, "cat", MemberRole.COMMISSIONER, "Council", "again"))
                .expectException(violates("member-already-in-role"))
                .expectNoEvents();
        fixture.given(launched(), member("fran", MemberRole.FACILITATOR), member("cat", MemberRole.COMMISSIONER))
                .when(new GrantMembership(P, "cat", MemberRole.COMMISSIONER, "Another Council", "moved"))
                .expectEvents(new MembershipGranted(P, "cat", MemberRole.COMMISSIONER, "Another Council", "moved"));
    }
}
