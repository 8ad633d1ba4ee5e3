package org.goldenthread.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.goldenthread.collect.ImportRejected;
import org.goldenthread.collect.LineError;
import org.goldenthread.collect.QualityCheck;
import org.goldenthread.collect.ReviewRecorded;
import org.goldenthread.collect.StatementRecorded;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;

/** Shared test vocabulary: the fixture with its injected resources, given events, refusal matchers. */
public final class ProgrammeFixture {

    public static final String P = "prog-1";
    public static final String PURPOSE = "We are using WTfC to hear what matters so that support changes";

    private ProgrammeFixture() {
    }

    public static AggregateTestFixture<Programme> fixture(FakeVault vault) {
        AggregateTestFixture<Programme> fixture = new AggregateTestFixture<>(Programme.class);
        fixture.registerInjectableResource(vault);
        fixture.registerInjectableResource(QualityCheck.withSeedLexicon());
        return fixture;
    }

    public static ProgrammeLaunched launched() {
        return new ProgrammeLaunched(P, PURPOSE, Level.UNIT);
    }

    public static ParticipantRegistered participant(String participantId, String username) {
        return new ParticipantRegistered(P, participantId, "Name of " + participantId, Perspective.PERSON, username);
    }

    public static ReviewRecorded review(String reviewId, String person, String... statementIds) {
        return new ReviewRecorded(P, reviewId, person, List.of(statementIds));
    }

    public static StatementRecorded statement(String reviewId, String statementId, String person, Category category,
                                              int priority, String text) {
        return new StatementRecorded(P, reviewId, statementId, person, category, priority,
                FakeVault.sealed(P, person, text));
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
                d.appendText("UnknownReference to ").appendValue(kind).appendText(" ").appendValue(id);
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

    /** The import was rejected listing exactly these (line, field) pairs, in order. */
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
                            || !errors.get(i).field().equals(expected[i].field())) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("ImportRejected with lines/fields ").appendValue(List.of(expected));
            }

            @Override
            protected void describeMismatchSafely(ImportRejected e, Description d) {
                d.appendText("was ").appendValue(e.errors());
            }
        };
    }
}
