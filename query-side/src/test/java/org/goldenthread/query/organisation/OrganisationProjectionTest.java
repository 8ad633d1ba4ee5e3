package org.goldenthread.query.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.goldenthread.kernel.organisation.*;
import org.goldenthread.query.support.EmbeddedMongo;
import org.goldenthread.query.support.EventFeed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrganisationProjectionTest {

    private static EmbeddedMongo mongo;

    @BeforeAll
    static void start() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void an_organisation_lists_the_users_acting_for_it_and_a_user_finds_their_organisations() {
        EventFeed feed = new EventFeed();
        feed.record(new OrganisationRegistered("o1", "Northshire Council", OrganisationKind.COMMISSIONING));
        feed.record(new OrganisationRegistered("o2", "Care Ltd", OrganisationKind.PROVIDER));
        feed.record(new OrganisationUserAdded("o1", "cat", "lead"));
        feed.record(new OrganisationUserAdded("o2", "pat", "manager"));
        feed.record(new OrganisationUserAdded("o2", "sam", "deputy"));
        feed.record(new OrganisationUserRemoved("o2", "sam", "left"));
        OrganisationProjection projection = new OrganisationProjection(mongo.freshDatabase());
        feed.into(projection, 2);

        assertThat(projection.handle(new FindOrganisation("o2")))
                .isEqualTo(new OrganisationView("o2", "Care Ltd", OrganisationKind.PROVIDER, List.of("pat")));
        assertThat(projection.handle(new FindOrganisations("cat")))
                .extracting(OrganisationView::organisationId)
                .containsExactly("o1");
        assertThat(projection.handle(new FindOrganisations("sam"))).isEmpty();
        assertThat(projection.handle(new FindOrganisations(null)))
                .extracting(OrganisationView::name)
                .containsExactly("Care Ltd", "Northshire Council");
        assertThat(projection.handle(new FindOrganisation("o9"))).isNull();
    }
}
