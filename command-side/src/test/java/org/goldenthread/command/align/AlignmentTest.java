package org.goldenthread.command.align;

import static org.goldenthread.command.programme.ProgrammeFixture.unknown;
import static org.goldenthread.command.programme.ProgrammeFixture.violates;

import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.command.contract.FakeDirectory;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.align.*;
import org.goldenthread.kernel.organisation.OrganisationKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Council (cat) and Care Ltd (pat) align values; oz acts for another provider. */
class AlignmentTest {

    static final String A = "a1";
    static final MetaData CAT = MetaData.with(ActorMetaData.ACTOR, "cat");
    static final MetaData PAT = MetaData.with(ActorMetaData.ACTOR, "pat");
    static final MetaData OZ = MetaData.with(ActorMetaData.ACTOR, "oz");

    private AggregateTestFixture<Alignment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Alignment.class);
        fixture.registerInjectableResource(new FakeDirectory()
                .organisation("council", OrganisationKind.COMMISSIONING, "cat")
                .organisation("care", OrganisationKind.PROVIDER, "pat")
                .organisation("other", OrganisationKind.PROVIDER, "oz"));
    }

    static AlignmentStarted started() {
        return new AlignmentStarted(A, "council", "care", "Before the home support contract");
    }

    static ValueRecorded standard() {
        return new ValueRecorded(
                A, "v1", "council", ValueKind.STANDARD, "1.1", "People are treated with dignity", "Care Standard");
    }

    static ValueRecorded behaviour() {
        return new ValueRecorded(A, "v2", "care", ValueKind.BEHAVIOUR, null, "We knock and wait to be asked in", null);
    }

    @Test
    void each_party_records_its_own_values_and_a_link_says_one_covers_the_other() {
        fixture.givenNoPriorActivity()
                .when(new StartAlignment(A, "council", "care", "Before the home support contract"), PAT)
                .expectEvents(started());
        fixture.given(started())
                .when(
                        new RecordValue(A, "v2", ValueKind.BEHAVIOUR, null, "We knock and wait to be asked in", null),
                        PAT)
                .expectEvents(behaviour());
        fixture.given(started(), standard(), behaviour())
                .when(new LinkValues(A, "v2", "v1"), CAT)
                .expectEvents(new ValuesLinked(A, "v2", "v1"));
        fixture.given(started(), standard(), behaviour(), new ValuesLinked(A, "v2", "v1"))
                .when(new UnlinkValues(A, "v2", "v1", "Too loose a fit"), PAT)
                .expectEvents(new ValuesUnlinked(A, "v2", "v1", "Too loose a fit"));
    }

    @Test
    void alignment_parties_act() {
        fixture.givenNoPriorActivity()
                .when(new StartAlignment(A, "council", "care", "purpose"), OZ)
                .expectException(violates("alignment-parties-act"));
        fixture.given(started())
                .when(new RecordValue(A, "v9", ValueKind.VALUE, null, "We value speed", null), OZ)
                .expectException(violates("alignment-parties-act"));
    }

    @Test
    void alignment_between_commissioner_and_provider() {
        fixture.givenNoPriorActivity()
                .when(new StartAlignment(A, "care", "other", "purpose"), PAT)
                .expectException(violates("alignment-between-commissioner-and-provider"));
    }

    @Test
    void cover_links_two_parties() {
        ValueRecorded another = new ValueRecorded(A, "v3", "care", ValueKind.VALUE, null, "Kindness", null);
        fixture.given(started(), behaviour(), another)
                .when(new LinkValues(A, "v2", "v3"), PAT)
                .expectException(violates("cover-links-two-parties"));
        fixture.given(started(), behaviour())
                .when(new LinkValues(A, "v2", "v404"), PAT)
                .expectException(unknown("value", "v404"));
        fixture.given(started(), standard(), behaviour(), new ValuesLinked(A, "v2", "v1"))
                .when(new LinkValues(A, "v2", "v1"), PAT)
                .expectException(violates("cover-linked-once"));
    }

    @Test
    void a_call_out_is_agreed_when_both_parties_have_agreed_it_each_once() {
        fixture.given(started(), behaviour())
                .when(new AgreeToCallOut(A, "v2"), PAT)
                .expectEvents(new CallOutAgreed(A, "v2", "care", false));
        fixture.given(started(), behaviour(), new CallOutAgreed(A, "v2", "care", false))
                .when(new AgreeToCallOut(A, "v2"), CAT)
                .expectEvents(new CallOutAgreed(A, "v2", "council", true));
        fixture.given(started(), behaviour(), new CallOutAgreed(A, "v2", "care", false))
                .when(new AgreeToCallOut(A, "v2"), PAT)
                .expectException(violates("call-out-agreed-once"));
    }
}
