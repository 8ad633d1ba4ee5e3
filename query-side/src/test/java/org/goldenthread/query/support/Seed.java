package org.goldenthread.query.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.ballot.BallotClosed;
import org.goldenthread.kernel.ballot.BallotOpened;
import org.goldenthread.kernel.ballot.BallotOption;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.BallotVoteCast;
import org.goldenthread.kernel.ballot.BallotVoteWithdrawn;
import org.goldenthread.kernel.ballot.RankedOption;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.ActionPlanChanged;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.implement.MilestoneReached;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.learn.ActualRecorded;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.learn.ProcessReviewRecorded;
import org.goldenthread.kernel.learn.ReportPublished;
import org.goldenthread.kernel.plan.AlreadyInPlaceRecorded;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaDropped;
import org.goldenthread.kernel.plan.IdeaMode;
import org.goldenthread.kernel.plan.IdeaPlaced;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.plan.Quadrant;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.ParticipantRegistered;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.programme.SamplePlan;
import org.goldenthread.kernel.programme.SamplePlanned;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.kernel.success.SuccessPerspective;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementMoved;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.understand.CauseFlaggedByGuardRail;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;

/**
 * A whole first cycle of a day-services programme, from the card call to the review, as events — the seed's
 * own words ("I am lonely"; "Because staff don't connect people…"). Shared by the query-side tests of steps 4–8.
 *
 * <p>Themes: t1 "I am lonely" (s1, s5; merged t2 in, then split t4 out), t3 "Nobody comes by" renamed
 * "I have no one to talk to" (s4, and s2 moved in from t1), t4 "I miss going to church" (s3, ann's words, later
 * forgotten), t9 "Getting out and about is hard" (no statements: everything hung on it is untraced).
 */
public final class Seed {

    public static final String P = "p1";
    public static final String LONELY = "I am lonely";
    public static final String CAUSE = "Because staff don't connect people with others in their community";
    public static final String SUCCESS =
            "I am supported to maintain and make new relationships with people who matter to me";
    public static final String MEASURE = "People reporting they like what they do during the day at review";

    private final EventFeed feed;
    private final FakeVault vault;

    /** Moments of the story, for asOf questions. */
    public Instant beforeMove;

    public Instant moved;
    public Instant beforeMerge;
    public Instant merged;
    public Instant split;

    public Seed(EventFeed feed, FakeVault vault) {
        this.feed = feed;
        this.vault = vault;
    }

    public StatementRecorded statement(String id, String person, Category category, String words) {
        return new StatementRecorded(P, "review-" + person, id, person, category, 1, vault.seal(P, person, words));
    }

    public static PlanContent plan(String keyFeatures, List<String> measureIds) {
        return new PlanContent(
                keyFeatures,
                List.of("day centre staff", "library", "people who use the service"),
                "Priya (provider)",
                List.of(new PlanContent.Step("Map local groups with each person", LocalDate.of(2025, 5, 1))),
                List.of(
                        new PlanContent.Milestone(
                                "ms1", "Six people introduced to a local group", LocalDate.of(2025, 7, 1)),
                        new PlanContent.Milestone("ms2", "Connectors in every day centre", LocalDate.of(2026, 1, 1))),
                List.of(new PlanContent.Resource("two connectors", "council innovation fund")),
                null,
                measureIds,
                "Monthly newsletter and at each review");
    }

    /** Prepare, collect and the card call (to just before the vote). */
    public Seed cardCall() {
        feed.record(new ProgrammeLaunched(
                P,
                "We are using WTfC to learn what matters to people who use day services "
                        + "so that we commission support that helps them live the lives they want",
                Level.SERVICE));
        feed.record(new SamplePlanned(
                P,
                new SamplePlan(
                        "person-centred reviews",
                        "review meetings",
                        "people using day services",
                        "Northfield",
                        "spring 2025",
                        100,
                        1000)));
        feed.record(new ParticipantRegistered(P, "u1", "Fran", Perspective.COMMISSIONER, "fran"));
        feed.record(new ParticipantRegistered(P, "u2", "Priya", Perspective.PROVIDER, "priya"));
        feed.record(new ParticipantRegistered(P, "u3", "Mary", Perspective.PERSON, "mary"));
        feed.record(statement("s1", "mary", Category.NOT_WORKING, "I have only one friend"));
        feed.record(statement("s2", "joe", Category.NOT_WORKING, "I never see anyone at the weekend"));
        feed.record(statement("s3", "ann", Category.NOT_WORKING, "I can't get to church any more"));
        feed.record(statement("s4", "ann", Category.NOT_WORKING, "Nobody listens to me"));
        feed.record(statement("s5", "sam", Category.NOT_WORKING, "I sit in my flat all day"));
        feed.record(statement("w1", "mary", Category.WORKING, "Going out shopping and to the hairdressers"));
        feed.record(new ThemeCreated(P, Category.WORKING, "tw1", "Getting out and about"));
        feed.record(new StatementClustered(P, Category.WORKING, "w1", "tw1", false));
        feed.record(new ThemeCreated(P, Category.NOT_WORKING, "t1", LONELY));
        feed.record(new StatementClustered(P, Category.NOT_WORKING, "s1", "t1", false));
        feed.record(new StatementClustered(P, Category.NOT_WORKING, "s2", "t1", false));
        feed.record(new StatementClustered(P, Category.NOT_WORKING, "s5", "t1", false));
        feed.record(new ThemeCreated(P, Category.NOT_WORKING, "t2", "I miss my church"));
        feed.record(new StatementClustered(P, Category.NOT_WORKING, "s3", "t2", false));
        feed.record(new ThemeCreated(P, Category.NOT_WORKING, "t3", "Nobody comes by"));
        beforeMove = feed.record(new StatementClustered(P, Category.NOT_WORKING, "s4", "t3", false));
        moved = feed.record(new StatementMoved(P, Category.NOT_WORKING, "s2", "t1", "t3"));
        beforeMerge = feed.record(
                new ThemeRenamed(P, Category.NOT_WORKING, "t3", "Nobody comes by", "I have no one to talk to"));
        merged = feed.record(new ThemesMerged(P, Category.NOT_WORKING, "t1", List.of("t2"), List.of("s3")));
        split = feed.record(
                new ThemeSplit(P, Category.NOT_WORKING, "t1", "t4", "I miss going to church", List.of("s3")));
        feed.record(new ThemeCreated(P, Category.NOT_WORKING, "t9", "Getting out and about is hard"));
        return this;
    }

    /** The theme vote: t1, t3 and t9 go forward. */
    public Seed themeVote() {
        feed.record(new VotingOpened(
                P,
                "v1",
                3,
                3,
                List.of(
                        new ThemeAtOpening("t1", LONELY, List.of("s1", "s5")),
                        new ThemeAtOpening("t3", "I have no one to talk to", List.of("s4", "s2")),
                        new ThemeAtOpening("t4", "I miss going to church", List.of("s3")),
                        new ThemeAtOpening("t9", "Getting out and about is hard", List.of()))));
        feed.record(new VoteCast(P, "v1", "u1", "t1"));
        feed.record(new VoteCast(P, "v1", "u2", "t1"));
        feed.record(new VoteCast(P, "v1", "u3", "t1"));
        feed.record(new VoteCast(P, "v1", "u1", "t3"));
        feed.record(new VoteCast(P, "v1", "u2", "t9"));
        feed.record(new VotingClosed(
                P,
                "v1",
                List.of(
                        new RankedTheme("t1", LONELY, 3, 1),
                        new RankedTheme("t3", "I have no one to talk to", 1, 2),
                        new RankedTheme("t9", "Getting out and about is hard", 1, 2),
                        new RankedTheme("t4", "I miss going to church", 0, 4)),
                List.of("t1", "t3", "t9"),
                false));
        feed.record(new ThemePrioritised(P, "t1", "v1", 1, 3));
        feed.record(new ThemePrioritised(P, "t3", "v1", 2, 1));
        feed.record(new ThemePrioritised(P, "t9", "v1", 2, 1));
        return this;
    }

    /** Five whys on t1 and the vote on its root causes: c1 is chosen. */
    public Seed understand() {
        feed.record(new WhyAsked(P, "w1", "t1", null, "Why are people lonely?", Perspective.PERSON));
        feed.record(new CauseGiven(P, "c1", "w1", "t1", CAUSE, Perspective.PROVIDER));
        feed.record(new CauseGiven(
                P, "c2", "w1", "t1", "Because there is nothing to do in the evenings", Perspective.PERSON));
        feed.record(new WhyAsked(P, "w2", "t1", "c1", "Why don't staff connect people?", Perspective.COMMISSIONER));
        feed.record(new CauseGiven(P, "c3", "w2", "t1", "Because the budget is inadequate", Perspective.PROVIDER));
        feed.record(new CauseFlaggedByGuardRail(P, "c3", "t1", List.of("the budget is inadequate")));
        feed.record(new CauseGiven(
                P, "c4", "w2", "t1", "Because their job is described as keeping people safe", Perspective.PROVIDER));
        feed.record(new BallotOpened(
                P,
                "b1",
                BallotSubject.ROOT_CAUSES,
                "t1",
                2,
                1,
                List.of(
                        new BallotOption("c1", CAUSE),
                        new BallotOption("c2", "Because there is nothing to do in the evenings"),
                        new BallotOption("c4", "Because their job is described as keeping people safe"))));
        feed.record(new BallotVoteCast(P, "b1", "u1", "c1"));
        feed.record(new BallotVoteCast(P, "b1", "u2", "c1"));
        feed.record(new BallotVoteCast(P, "b1", "u3", "c2"));
        feed.record(new BallotVoteWithdrawn(P, "b1", "u3", "c2"));
        feed.record(new BallotVoteCast(P, "b1", "u3", "c1"));
        feed.record(new BallotVoteCast(P, "b1", "u1", "c4"));
        feed.record(new BallotClosed(
                P,
                "b1",
                BallotSubject.ROOT_CAUSES,
                "t1",
                List.of(
                        new RankedOption("c1", CAUSE, 3, 1),
                        new RankedOption("c4", "Because their job is described as keeping people safe", 1, 2),
                        new RankedOption("c2", "Because there is nothing to do in the evenings", 0, 3)),
                List.of("c1"),
                false));
        feed.record(new RootCauseChosen(P, "t1", "c1", "b1", 1, 3));
        return this;
    }

    /** Success statements and measures (t1 through its root cause; t9 straight to the theme). */
    public Seed identifySuccess() {
        feed.record(new SuccessStatementWritten(
                P, "su1", "t1", SuccessPerspective.PEOPLE_CARERS_FAMILIES, SUCCESS, List.of("c1")));
        feed.record(new SuccessStatementWritten(
                P,
                "su2",
                "t1",
                SuccessPerspective.PROVIDERS,
                "We know the people and places in each person's community",
                List.of("c1")));
        feed.record(new MeasureDefined(
                P,
                "m1",
                "su1",
                "t1",
                MeasureKind.QUANTITATIVE,
                MEASURE,
                "annual reviews",
                true,
                false,
                "people",
                MeasureDirection.INCREASE,
                "Review team",
                "quarterly"));
        feed.record(new MeasureDefined(
                P,
                "m2",
                "su1",
                "t1",
                MeasureKind.QUANTITATIVE,
                "People with a contact outside services in their support plan",
                "support plans",
                true,
                true,
                "%",
                MeasureDirection.INCREASE,
                "Care managers",
                "quarterly"));
        feed.record(new MeasureDefined(
                P,
                "m3",
                "su2",
                "t1",
                MeasureKind.QUALITATIVE,
                "Stories of new friendships told at review",
                "review notes",
                false,
                false,
                null,
                MeasureDirection.INCREASE,
                "Review team",
                "yearly"));
        feed.record(new SuccessStatementWritten(
                P, "su9", "t9", SuccessPerspective.COMMISSIONERS, "We fund transport that gets people out", List.of()));
        feed.record(new MeasureDefined(
                P,
                "m9",
                "su9",
                "t9",
                MeasureKind.QUANTITATIVE,
                "Trips out per person per month",
                "transport logs",
                true,
                false,
                "trips",
                MeasureDirection.INCREASE,
                "Transport team",
                "monthly"));
        return this;
    }

    /** Already in place, ideas, the idea vote, the grid and a dropped thankless task. */
    public Seed plan() {
        feed.record(new AlreadyInPlaceRecorded(P, "a1", "t1", "Monthly coffee morning at the library"));
        feed.record(new IdeaProposed(
                P,
                "i1",
                "t1",
                IdeaMode.DIFFERENT,
                "Community connectors introduce people to local groups",
                List.of("c1")));
        feed.record(new IdeaProposed(
                P, "i2", "t1", IdeaMode.TRADITIONAL, "Staff training on community mapping", List.of("c1")));
        feed.record(
                new IdeaProposed(P, "i3", "t1", IdeaMode.RADICAL, "People choose their own support worker", List.of()));
        feed.record(new IdeaProposed(P, "i9", "t9", IdeaMode.TRADITIONAL, "A minibus on Saturdays", List.of()));
        feed.record(new IdeaChosen(P, "t1", "i1", "b2", 1, 3));
        feed.record(new IdeaChosen(P, "t1", "i2", "b2", 2, 2));
        feed.record(new IdeaChosen(P, "t9", "i9", "b3", 1, 2));
        feed.record(new IdeaPlaced(P, "i1", "t1", "u1", 3, 8, 3.0, 8.0, 0, 0, 1, Quadrant.QUICK_WIN));
        feed.record(new IdeaPlaced(P, "i1", "t1", "u2", 4, 9, 3.5, 8.5, 1, 1, 2, Quadrant.QUICK_WIN));
        feed.record(new IdeaPlaced(P, "i2", "t1", "u1", 8, 3, 8.0, 3.0, 0, 0, 1, Quadrant.THANKLESS_TASK));
        feed.record(new IdeaDropped(P, "i2", "t1", "A thankless task: high effort, low impact"));
        return this;
    }

    /** Action plans, baselines, a milestone. */
    public Seed implement() {
        feed.record(
                new ActionPlanAgreed(P, "pl1", "i1", "t1", 1, plan("Two community connectors", List.of("m1", "m2"))));
        feed.record(new ActionPlanChanged(
                P,
                "pl1",
                "i1",
                "t1",
                2,
                plan("Two community connectors, one per day centre", List.of("m1")),
                List.of(),
                List.of("m2"),
                "The council tracks support plans already"));
        feed.record(new ActionPlanAgreed(P, "pl9", "i9", "t9", 1, plan("Saturday minibus", List.of("m9"))));
        feed.record(new MeasureBaselined(P, "m1", new Reading("12", LocalDate.of(2025, 4, 1), "annual reviews 2024")));
        feed.record(new MeasureBaselined(P, "m2", new Reading("40%", LocalDate.of(2025, 4, 1), "support plan audit")));
        feed.record(
                new MilestoneReached(P, "pl1", "ms1", LocalDate.of(2025, 7, 3), "Seven people met the walking group"));
        return this;
    }

    /** Actuals, a process review, the report. */
    public Seed review() {
        feed.record(new ActualRecorded(P, "m1", new Reading("15", LocalDate.of(2025, 9, 1), "reviews Q3")));
        feed.record(new ActualRecorded(P, "m1", new Reading("14", LocalDate.of(2025, 7, 1), "reviews Q2")));
        feed.record(new ProcessReviewRecorded(
                P,
                "pr1",
                1,
                Perspective.PERSON,
                List.of("Being asked in my own words"),
                List.of("The workshop was too long")));
        feed.record(new ReportPublished(P, "r1", 1));
        return this;
    }

    /** Ann asks to be forgotten. */
    public Seed forgetAnn() {
        feed.record(new PersonForgotten(P, "ann", "asked to be forgotten"));
        return this;
    }

    /** The second cycle: every active theme carried forward; new words on loneliness; a new vote. */
    public Seed secondCycle() {
        feed.record(new CycleStarted(
                P,
                2,
                List.of(
                        new CycleStarted.CarriedTheme("tw1", "tw1~c2", Category.WORKING, "Getting out and about"),
                        new CycleStarted.CarriedTheme("t1", "t1~c2", Category.NOT_WORKING, LONELY),
                        new CycleStarted.CarriedTheme("t3", "t3~c2", Category.NOT_WORKING, "I have no one to talk to"),
                        new CycleStarted.CarriedTheme("t4", "t4~c2", Category.NOT_WORKING, "I miss going to church"),
                        new CycleStarted.CarriedTheme(
                                "t9", "t9~c2", Category.NOT_WORKING, "Getting out and about is hard")),
                "A year on"));
        feed.record(statement("s7", "mary", Category.NOT_WORKING, "I still only see staff"));
        feed.record(statement("s8", "joe", Category.NOT_WORKING, "Weekends are long"));
        feed.record(new StatementClustered(P, Category.NOT_WORKING, "s7", "t1~c2", false));
        feed.record(new StatementClustered(P, Category.NOT_WORKING, "s8", "t3~c2", false));
        feed.record(new VotingOpened(
                P,
                "v2",
                3,
                1,
                List.of(
                        new ThemeAtOpening("t1~c2", LONELY, List.of("s7")),
                        new ThemeAtOpening("t3~c2", "I have no one to talk to", List.of("s8")))));
        feed.record(new VoteCast(P, "v2", "u1", "t3~c2"));
        feed.record(new VoteCast(P, "v2", "u2", "t3~c2"));
        feed.record(new VoteCast(P, "v2", "u3", "t1~c2"));
        feed.record(new VotingClosed(
                P,
                "v2",
                List.of(
                        new RankedTheme("t3~c2", "I have no one to talk to", 2, 1),
                        new RankedTheme("t1~c2", LONELY, 1, 2)),
                List.of("t3~c2"),
                false));
        feed.record(new ThemePrioritised(P, "t3~c2", "v2", 1, 2));
        return this;
    }

    /** The whole first cycle. */
    public Seed firstCycle() {
        return cardCall()
                .themeVote()
                .understand()
                .identifySuccess()
                .plan()
                .implement()
                .review();
    }
}
