package org.goldenthread.command.programme;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.command.collect.QualityCheck;
import org.goldenthread.command.understand.GuardRails;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.collect.ImportRejected;
import org.goldenthread.kernel.collect.LineError;
import org.goldenthread.kernel.collect.ReviewRecorded;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.programme.*;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Shared test vocabulary: the fixture with its injected resources, given events, refusal matchers. */
public final class ProgrammeFixture {

    public static final String P = "prog-1";
    public static final String PURPOSE = "We are using WTfC to hear what matters so that support changes";

    /** Acting as participant p-sam (login sam), as p-kim (login kim), and as the facilitator. */
    public static final MetaData SAM =
            MetaData.with(ActorMetaData.ACTOR, "sam").and(ActorMetaData.ROLE, ActorMetaData.PARTICIPANT);

    public static final MetaData KIM =
            MetaData.with(ActorMetaData.ACTOR, "kim").and(ActorMetaData.ROLE, ActorMetaData.PARTICIPANT);
    public static final MetaData FACILITATOR =
            MetaData.with(ActorMetaData.ACTOR, "fran").and(ActorMetaData.ROLE, ActorMetaData.FACILITATOR);

    private ProgrammeFixture() {}

    public static AggregateTestFixture<Programme> fixture(FakeVault vault) {
        AggregateTestFixture<Programme> fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(QualityCheck.withSeedLexicon());
        fixture.registerInjectableResource(GuardRails.withMethodDefaults());
        return fixture;
    }

    public static ProgrammeLaunched launched() {
        return new ProgrammeLaunched(P, PURPOSE, Level.UNIT);
    }

    /** The user was made a member (commissioners and providers of "Council"). */
    public static MembershipGranted member(String username, MemberRole role) {
        return new MembershipGranted(
                P, username, role, role.needsOrganisation() ? "Council" : null, "joins the workshop");
    }

    public static ParticipantRegistered participant(String participantId, String username) {
        return new ParticipantRegistered(P, participantId, "Name of " + participantId, Perspective.PERSON, username);
    }

    public static ReviewRecorded review(String reviewId, String person, String... statementIds) {
        return new ReviewRecorded(P, reviewId, person, List.of(statementIds));
    }

    public static StatementRecorded statement(
            String reviewId, String statementId, String person, Category category, int priority, String text) {
        return new StatementRecorded(
                P, reviewId, statementId, person, category, priority, FakeVault.sealed(P, person, text));
    }

    /**
     * A programme after its theme vote (cycle 1): participants p-sam (sam), p-kim (kim) and p-lee (no login);
     * NOT_WORKING themes t1 "I am lonely" [s1], t2 "I never get out" [s2], t3 "I can't get to town" [s3], a
     * WORKING theme tw [s5]; voting round v1 closed with t1 and t2 prioritised (t3 had no votes).
     */
    public static List<Object> workshop() {
        List<ThemeAtOpening> themes = List.of(
                new ThemeAtOpening("t1", "I am lonely", List.of("s1")),
                new ThemeAtOpening("t2", "I never get out", List.of("s2")),
                new ThemeAtOpening("t3", "I can't get to town", List.of("s3")));
        return new ArrayList<>(List.of(
                launched(),
                participant("p-sam", "sam"),
                participant("p-kim", "kim"),
                participant("p-lee", null),
                review("r1", "anna", "s1", "s2", "s5"),
                statement("r1", "s1", "anna", Category.NOT_WORKING, 1, "I have only one friend"),
                statement("r1", "s2", "anna", Category.NOT_WORKING, 2, "I never get out"),
                statement("r1", "s5", "anna", Category.WORKING, 1, "I like my key worker"),
                review("r2", "bob", "s3"),
                statement("r2", "s3", "bob", Category.NOT_WORKING, 1, "I can't get to town"),
                new ThemeCreated(P, Category.NOT_WORKING, "t1", "I am lonely"),
                new StatementClustered(P, Category.NOT_WORKING, "s1", "t1", false),
                new ThemeCreated(P, Category.NOT_WORKING, "t2", "I never get out"),
                new StatementClustered(P, Category.NOT_WORKING, "s2", "t2", false),
                new ThemeCreated(P, Category.NOT_WORKING, "t3", "I can't get to town"),
                new StatementClustered(P, Category.NOT_WORKING, "s3", "t3", false),
                new ThemeCreated(P, Category.WORKING, "tw", "I like my staff"),
                new StatementClustered(P, Category.WORKING, "s5", "tw", false),
                new VotingOpened(P, "v1", 3, 4, themes),
                new VoteCast(P, "v1", "p-sam", "t1"),
                new VoteCast(P, "v1", "p-kim", "t1"),
                new VoteCast(P, "v1", "p-kim", "t2"),
                new VotingClosed(
                        P,
                        "v1",
                        List.of(
                                new RankedTheme("t1", "I am lonely", 2, 1),
                                new RankedTheme("t2", "I never get out", 1, 2),
                                new RankedTheme("t3", "I can't get to town", 0, 3)),
                        List.of("t1", "t2"),
                        false),
                new ThemePrioritised(P, "t1", "v1", 1, 2),
                new ThemePrioritised(P, "t2", "v1", 2, 1)));
    }

    /** {@link #workshop()} followed by {@code more}. */
    public static List<Object> workshop(Object... more) {
        List<Object> events = workshop();
        events.addAll(List.of(more));
        return events;
    }

    // ---- refusal matchers

    public static Matcher<RuleViolation> violates(String rule) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RuleViolation v) {
                return rule.equals(v.rule());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("RuleViolation of rule ").appendValue(rule);
            }
        };
    }

    public static Matcher<UnknownReference> unknown(String kind, String id) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(UnknownReference u) {
                return kind.equals(u.kind()) && id.equals(u.id());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("UnknownReference to ")
                        .appendValue(kind)
                        .appendText(" ")
                        .appendValue(id);
            }
        };
    }

    public static Matcher<InvalidInput> invalid(String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(InvalidInput e) {
                return field.equals(e.field());
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("InvalidInput of field ").appendValue(field);
            }
        };
    }

    /** The import was rejected listing exactly these (line, field, rule), in order (the words of the reason aside). */
    public static Matcher<ImportRejected> rejectedLines(LineError... expected) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(ImportRejected e) {
                List<LineError> errors = e.errors();
                if (errors.size() != expected.length) {
                    return false;
                }
                for (int i = 0; i < expected.length; i++) {
                    if (errors.get(i).line() != expected[i].line()
                            || !errors.get(i).field().equals(expected[i].field())
                            || !errors.get(i).rule().equals(expected[i].rule())) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("ImportRejected with (line, field, rule) ").appendValue(List.of(expected));
            }

            @Override
            protected void describeMismatchSafely(ImportRejected e, Description d) {
                d.appendText("was ").appendValue(e.errors());
            }
        };
    }
}
