package org.goldenthread.command.organisation;

import static org.goldenthread.command.programme.ProgrammeFixture.violates;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.kernel.organisation.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganisationTest {

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    @Test
    void an_organisation_is_registered_with_its_kind_and_users_are_added_and_removed_with_a_reason() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisation("o1", "Northshire Council", OrganisationKind.COMMISSIONING))
                .expectEvents(new OrganisationRegistered("o1", "Northshire Council", OrganisationKind.COMMISSIONING));
        fixture.given(new OrganisationRegistered("o1", "Northshire Council", OrganisationKind.COMMISSIONING))
                .when(new AddOrganisationUser("o1", "cat", "Commissioning lead"))
                .expectEvents(new OrganisationUserAdded("o1", "cat", "Commissioning lead"));
        fixture.given(
                        new OrganisationRegistered("o1", "Northshire Council", OrganisationKind.COMMISSIONING),
                        new OrganisationUserAdded("o1", "cat", "lead"))
                .when(new RemoveOrganisationUser("o1", "cat", "Left the council"))
                .expectEvents(new OrganisationUserRemoved("o1", "cat", "Left the council"));
    }

    @Test
    void organisation_user_added_once() {
        fixture.given(
                        new OrganisationRegistered("o1", "Northshire Council", OrganisationKind.COMMISSIONING),
                        new OrganisationUserAdded("o1", "cat", "lead"))
                .when(new AddOrganisationUser("o1", "cat", "again"))
                .expectException(violates("organisation-user-added-once"));
    }

    @Test
    void organisation_user_known() {
        fixture.given(new OrganisationRegistered("o1", "Northshire Council", OrganisationKind.COMMISSIONING))
                .when(new RemoveOrganisationUser("o1", "cat", "never was"))
                .expectException(violates("organisation-user-known"));
    }
}
