package org.goldenthread.query.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.goldenthread.kernel.programme.*;
import org.goldenthread.query.support.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MembershipProjectionTest {

    private static EmbeddedMongo mongo;
    private MembershipProjection projection;
    private final Instant at = Instant.parse("2026-05-01T10:00:00Z");

    @BeforeAll
    static void startMongo() {
        mongo = new EmbeddedMongo();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshProjection() {
        projection = new MembershipProjection(mongo.freshDatabase());
    }

    @Test
    void members_are_granted_changed_and_revoked_and_a_redelivered_grant_changes_nothing() {
        MembershipGranted fran =
                new MembershipGranted("p1", "fran", MemberRole.FACILITATOR, null, "launched the programme");
        MembershipGranted cat =
                new MembershipGranted("p1", "cat", MemberRole.COMMISSIONER, "Northshire", "commissions");
        projection.on(fran, at, "fran");
        projection.on(cat, at, "fran");
        projection.on(cat, at, "fran");
        projection.on(new MembershipGranted("p2", "cat", MemberRole.AUDITOR, null, "audits"), at, "gil");

        assertThat(projection.handle(new FindMembers("p1")))
                .containsExactly(
                        new MemberView("p1", "cat", MemberRole.COMMISSIONER, "Northshire", at, "fran"),
                        new MemberView("p1", "fran", MemberRole.FACILITATOR, null, at, "fran"));
        assertThat(projection.handle(new FindMembership("cat", null)))
                .extracting(MemberView::programmeId)
                .containsExactly("p1", "p2");

        projection.on(
                new MembershipGranted("p1", "cat", MemberRole.PROVIDER, "Day Care Ltd", "changed employer"),
                at,
                "fran");
        assertThat(projection.handle(new FindMembership("cat", "p1")))
                .extracting(MemberView::role, MemberView::organisation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(MemberRole.PROVIDER, "Day Care Ltd"));

        projection.on(new MembershipRevoked("p1", "cat", MemberRole.PROVIDER, "left"));
        projection.on(new MembershipRevoked("p1", "cat", MemberRole.PROVIDER, "left"));
        assertThat(projection.handle(new FindMembership("cat", "p1"))).isEmpty();
        assertThat(projection.handle(new FindMembers("p1")))
                .extracting(MemberView::username)
                .containsExactly("fran");
    }

    @Test
    void a_reset_forgets_every_membership_so_a_replay_rebuilds_them() {
        projection.on(new MembershipGranted("p1", "cat", MemberRole.FACILITATOR, null, "a reason"), at, "fran");
        assertThat(projection.handle(new FindMembers("p1"))).hasSize(1);

        projection.reset();

        assertThat(projection.handle(new FindMembers("p1"))).isEmpty();
        projection.on(new MembershipGranted("p1", "cat", MemberRole.FACILITATOR, null, "a reason"), at, "fran");
        assertThat(projection.handle(new FindMembers("p1"))).hasSize(1);
    }
}
