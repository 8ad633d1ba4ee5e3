package org.goldenthread.query.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.collect.ReviewRecorded;
import org.goldenthread.kernel.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.programme.*;
import org.goldenthread.query.support.EmbeddedMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProgrammeProjectionTest {

    private static EmbeddedMongo mongo;
    private MongoDatabase db;
    private ProgrammeProjection projection;

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
        db = mongo.freshDatabase();
        projection = new ProgrammeProjection(db, new org.goldenthread.query.support.FakeVault());
    }

    private static SealedText sealed(String s) {
        return new SealedText("p1/key", "cipher-" + s);
    }

    /** A launch, a sample plan, three participants, two reviews with four statements, one flagged, one forgotten. */
    static List<Object> history() {
        return List.of(
                new ProgrammeLaunched(
                        "p1", "We are using WTfC to understand loneliness so that people get out more", Level.UNIT),
                new SamplePlanned(
                        "p1", new SamplePlan("reviews", "person-centred", "everyone", "Oak House", "May", 4, 4)),
                new ParticipantRegistered("p1", "u1", "Ann", Perspective.PERSON, "ann"),
                new ParticipantRegistered("p1", "u2", "Ben", Perspective.COMMISSIONER, null),
                new ParticipantRegistered("p1", "u3", "Cat", Perspective.PROVIDER, "cat"),
                new StatementRecorded(
                        "p1", "r1", "s1", "mary", Category.NOT_WORKING, 1, sealed("I have only one friend")),
                new StatementRecorded(
                        "p1",
                        "r1",
                        "s2",
                        "mary",
                        Category.WORKING,
                        1,
                        sealed("Going out shopping and to the hairdressers")),
                new ReviewRecorded("p1", "r1", "mary", List.of("s1", "s2")),
                new StatementRecorded(
                        "p1", "r2", "s3", "joe", Category.NOT_WORKING, 1, sealed("addressing social isolation")),
                new StatementFlaggedAsProfessionalLanguage(
                        "p1", "s3", Category.NOT_WORKING, List.of("addressing social isolation")),
                new StatementRecorded(
                        "p1", "r2", "s4", "joe", Category.FUTURE, 2, sealed("I want to go to the seaside")),
                new ReviewRecorded("p1", "r2", "joe", List.of("s3", "s4")),
                new PersonForgotten("p1", "joe", "asked to be forgotten"));
    }

    private void apply(ProgrammeProjection p, Object e) {
        if (e instanceof ProgrammeLaunched x) p.on(x);
        else if (e instanceof SamplePlanned x) p.on(x);
        else if (e instanceof ParticipantRegistered x) p.on(x);
        else if (e instanceof ReviewRecorded x) p.on(x);
        else if (e instanceof StatementRecorded x) p.on(x);
        else if (e instanceof StatementFlaggedAsProfessionalLanguage x) p.on(x);
        else if (e instanceof PersonForgotten x) p.on(x, AT, "fran");
        else if (e instanceof PersonKeyDestroyed x) p.on(x, AT.plusSeconds(1));
        else if (e instanceof ParticipantForgotten x) p.on(x, AT, "fran");
        else throw new IllegalArgumentException("unhandled " + e);
    }

    private void applyAll(ProgrammeProjection p, List<Object> events, int times) {
        for (Object e : events) {
            for (int i = 0; i < times; i++) {
                apply(p, e);
            }
        }
    }

    @Test
    void a_programme_shows_its_collection_figures_and_the_methods_advisories() {
        applyAll(projection, history(), 1);

        ProgrammeView view = projection.handle(new FindProgramme("p1"));

        assertThat(view.purpose()).startsWith("We are using WTfC");
        assertThat(view.level()).isEqualTo(Level.UNIT);
        assertThat(view.samplePlan().quantity()).isEqualTo(4);
        assertThat(view.participants())
                .extracting(ProgrammeView.Participant::name)
                .containsExactly("Ann", "Ben", "Cat");
        assertThat(view.participants().get(0).perspective()).isEqualTo("PERSON");
        assertThat(view.participants().get(1).username()).isNull();
        assertThat(view.reviews()).isEqualTo(2);
        assertThat(view.statements()).isEqualTo(4);
        assertThat(view.statementsByCategory())
                .containsExactlyInAnyOrderEntriesOf(Map.of("WORKING", 1, "NOT_WORKING", 2, "FUTURE", 1));
        assertThat(view.flaggedStatements()).isEqualTo(1);
        assertThat(view.flaggedShare()).isEqualTo(0.25);
        assertThat(view.peopleForgotten()).isEqualTo(1);
        assertThat(view.advisories())
                .extracting(Advisory::topic, Advisory::ok)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sample", true),
                        org.assertj.core.groups.Tuple.tuple("collection", false),
                        org.assertj.core.groups.Tuple.tuple("attendance", false),
                        org.assertj.core.groups.Tuple.tuple("balance", true));
        assertThat(view.advisories().get(1).message()).isEqualTo("2 of 4 planned reviews recorded");
    }

    @Test
    void a_new_programme_counts_zero_in_every_category_and_has_no_flagged_share() {
        projection.on(new ProgrammeLaunched("p2", "We are using WTfC to … so that …", Level.SERVICE));

        ProgrammeView view = projection.handle(new FindProgramme("p2"));

        assertThat(view.statementsByCategory())
                .containsExactlyInAnyOrderEntriesOf(Map.of("WORKING", 0, "NOT_WORKING", 0, "FUTURE", 0));
        assertThat(view.statements()).isZero();
        assertThat(view.flaggedShare()).isZero();
        assertThat(view.participants()).isEmpty();
        assertThat(view.samplePlan()).isNull();
        assertThat(view.advisories()).first().satisfies(a -> {
            assertThat(a.topic()).isEqualTo("sample");
            assertThat(a.ok()).isFalse();
            assertThat(a.message()).isEqualTo("No sample plan recorded yet");
        });
    }

    private static final java.time.Instant AT = java.time.Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void an_erasure_is_pending_once_asked_for_and_done_once_the_key_is_destroyed_whatever_is_redelivered() {
        applyAll(projection, history(), 2);
        assertThat(projection.handle(new FindErasure("p1", "joe")))
                .isEqualTo(new ErasureView("p1", "joe", ErasureView.Status.PENDING, AT, "fran", null));
        assertThat(projection.handle(new FindErasure("p1", "mary"))).isNull();
        applyAll(
                projection,
                List.of(new PersonKeyDestroyed("p1", "joe"), new PersonForgotten("p1", "joe", "asked to be forgotten")),
                1);
        assertThat(projection.handle(new FindErasure("p1", "joe")))
                .isEqualTo(new ErasureView("p1", "joe", ErasureView.Status.DONE, AT, "fran", AT.plusSeconds(1)));
    }

    @Test
    void a_participants_sealed_name_is_opened_for_the_view_and_erased_once_they_are_forgotten() {
        org.goldenthread.query.support.FakeVault vault = new org.goldenthread.query.support.FakeVault();
        ProgrammeProjection p = new ProgrammeProjection(mongo.freshDatabase(), vault);
        p.on(new ProgrammeLaunched("p3", "We are using WTfC to … so that …", Level.UNIT));
        String subject = ParticipantRegistered.subject("u9");
        p.on(new ParticipantRegistered(
                "p3", "u9", null, Perspective.PERSON, null, vault.seal("p3", subject, "Patricia Quentin")));
        p.on(new ParticipantRegistered("p3", "u8", "Old Style", Perspective.PERSON, null));
        assertThat(p.handle(new FindProgramme("p3")).participants())
                .extracting(ProgrammeView.Participant::name)
                .containsExactly("Patricia Quentin", "Old Style");
        vault.destroyKey("p3", subject);
        p.on(new ParticipantForgotten("p3", "u8", "asked"), AT, "fran");
        assertThat(p.handle(new FindProgramme("p3")).participants())
                .extracting(ProgrammeView.Participant::name)
                .containsExactly(
                        org.goldenthread.kernel.PersonalDataVault.ERASED,
                        org.goldenthread.kernel.PersonalDataVault.ERASED);
        assertThat(p.handle(new FindErasure("p3", ParticipantRegistered.subject("u8")))
                        .status())
                .isEqualTo(ErasureView.Status.PENDING);
    }

    @Test
    void an_unknown_programme_is_not_found() {
        applyAll(projection, history(), 1);
        assertThat(projection.handle(new FindProgramme("nope"))).isNull();
    }

    @Test
    void statements_are_counted_from_their_own_documents_not_from_the_programme_document() {
        applyAll(projection, history(), 1);

        Document programme = db.getCollection(ProgrammeProjection.PROGRAMMES)
                .find(Filters.eq("_id", "p1"))
                .first();
        assertThat(programme.keySet())
                .containsExactlyInAnyOrder("_id", "purpose", "level", "samplePlan", "participants", "forgottenPeople");
        assertThat(programme.getList("forgottenPeople", String.class)).containsExactly("joe");

        Document s3 = db.getCollection(ProgrammeProjection.STATEMENTS)
                .find(Filters.eq("_id", "p1|s3"))
                .first();
        assertThat(s3)
                .containsEntry("programmeId", "p1")
                .containsEntry("reviewId", "r2")
                .containsEntry("person", "joe")
                .containsEntry("category", "NOT_WORKING")
                .containsEntry("flagged", true);
        assertThat(db.getCollection(ProgrammeProjection.STATEMENTS).countDocuments())
                .isEqualTo(4);
    }

    @Test
    void many_statements_are_counted_without_growing_the_programme_document() {
        projection.on(new ProgrammeLaunched("big", "We are using WTfC to … so that …", Level.POPULATION));
        for (int i = 0; i < 600; i++) {
            Category c = Category.values()[i % 3];
            projection.on(new StatementRecorded(
                    "big", "r" + (i / 6), "s" + i, "person" + (i / 6), c, 1 + (i % 2), sealed("w" + i)));
            if (i % 10 == 0) {
                projection.on(new StatementFlaggedAsProfessionalLanguage("big", "s" + i, c, List.of("service user")));
            }
        }

        ProgrammeView view = projection.handle(new FindProgramme("big"));

        assertThat(view.statements()).isEqualTo(600);
        assertThat(view.reviews()).isEqualTo(100);
        assertThat(view.statementsByCategory()).containsEntry("WORKING", 200).containsEntry("FUTURE", 200);
        assertThat(view.flaggedStatements()).isEqualTo(60);
        assertThat(view.flaggedShare()).isEqualTo(0.1);
        Document programme = db.getCollection(ProgrammeProjection.PROGRAMMES)
                .find(Filters.eq("_id", "big"))
                .first();
        assertThat(programme.toJson().length()).isLessThan(200);
    }

    @Test
    void every_event_delivered_twice_leaves_the_same_view() {
        applyAll(projection, history(), 1);
        ProgrammeProjection twice =
                new ProgrammeProjection(mongo.freshDatabase(), new org.goldenthread.query.support.FakeVault());
        applyAll(twice, history(), 2);

        assertThat(twice.handle(new FindProgramme("p1"))).isEqualTo(projection.handle(new FindProgramme("p1")));
        assertThat(twice.handle(new FindProgramme("p1")).participants()).hasSize(3);
        assertThat(twice.handle(new FindProgrammes())).isEqualTo(projection.handle(new FindProgrammes()));
    }

    @Test
    void reset_then_replay_rebuilds_the_same_view() {
        applyAll(projection, history(), 1);
        ProgrammeView before = projection.handle(new FindProgramme("p1"));

        projection.reset();
        assertThat(projection.handle(new FindProgramme("p1"))).isNull();
        assertThat(db.getCollection(ProgrammeProjection.STATEMENTS).countDocuments())
                .isZero();

        applyAll(projection, history(), 1);
        assertThat(projection.handle(new FindProgramme("p1"))).isEqualTo(before);
    }

    @Test
    void programmes_are_listed_with_purpose_and_level() {
        applyAll(projection, history(), 1);
        projection.on(
                new ProgrammeLaunched("p0", "We are using WTfC to rethink day services so that …", Level.PROVIDER));

        assertThat(projection.handle(new FindProgrammes()))
                .containsExactly(
                        new ProgrammeSummary(
                                "p0", "We are using WTfC to rethink day services so that …", Level.PROVIDER),
                        new ProgrammeSummary(
                                "p1",
                                "We are using WTfC to understand loneliness so that people get out more",
                                Level.UNIT));
    }
}
