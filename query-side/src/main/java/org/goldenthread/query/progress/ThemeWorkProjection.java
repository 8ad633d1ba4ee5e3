package org.goldenthread.query.progress;

import com.mongodb.client.MongoDatabase;
import java.util.Date;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.ballot.BallotClosed;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.RankedOption;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.ActionPlanChanged;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.implement.MilestoneReached;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.learn.ActualRecorded;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.plan.AlreadyInPlaceRecorded;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaDropped;
import org.goldenthread.kernel.plan.IdeaPlaced;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.progress.FindThemeWork;
import org.goldenthread.kernel.progress.ThemeWorkView;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.SuccessStatementRevised;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.understand.CauseFlaggedByGuardRail;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.query.progress.ThemeWorkStore.Measure;
import org.goldenthread.query.progress.ThemeWorkStore.PlanVersion;
import org.goldenthread.query.progress.ThemeWorkStore.Reached;
import org.goldenthread.query.progress.ThemeWorkStore.Success;
import org.goldenthread.query.progress.ThemeWorkStore.Why;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Read model of steps 4–8 for one prioritised theme: the five-whys tree, the root causes chosen, success statements
 * with their measures (baseline, actuals, progress), what is already in place, ideas with their grid position, and
 * every version of each action plan with the milestones reached. The handlers here turn events into the documents
 * of {@link ThemeWorkStore}; {@link ThemeWorkAssembly} builds the {@link ThemeWorkView}.
 *
 * <p>Handlers are idempotent: an element is kept by its id and set again the same on a redelivery, lists are sets,
 * and a plan version replaces the newest one only when it is newer; so the model is rebuilt by replay.
 */
@ReadModelVersion(3)
@ProcessingGroup(ThemeWorkProjection.PROCESSING_GROUP)
public class ThemeWorkProjection {

    public static final String PROCESSING_GROUP = "themework";
    public static final String THEME_WORK = ThemeWorkStore.THEME_WORK;

    private static final String MEASURE = "measure";
    private static final String PLAN = "plan";

    private final ThemeWorkStore store;

    public ThemeWorkProjection(MongoDatabase database) {
        this.store = new ThemeWorkStore(database);
    }

    @ResetHandler
    public void reset() {
        store.drop();
    }

    /** The theme's work; null when the theme is unknown (never created or prioritised) in this programme. */
    @QueryHandler
    public ThemeWorkView handle(FindThemeWork query) {
        return store.find(query.programmeId(), query.themeId())
                .map(ThemeWorkAssembly::view)
                .orElse(null);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    // ---- step 3: the themes ------------------------------------------------------------------------------

    private void titled(String programmeId, Category category, String themeId, String title) {
        if (category == Category.NOT_WORKING) {
            store.change(programmeId, themeId, w -> w.withTitle(title));
        }
    }

    @EventHandler
    public void on(ThemeCreated e) {
        titled(e.programmeId(), e.category(), e.themeId(), e.title());
    }

    @EventHandler
    public void on(ThemeRenamed e) {
        titled(e.programmeId(), e.category(), e.themeId(), e.title());
    }

    @EventHandler
    public void on(ThemeSplit e) {
        titled(e.programmeId(), e.category(), e.newThemeId(), e.title());
    }

    @EventHandler
    public void on(CycleStarted e) {
        for (CycleStarted.CarriedTheme c : e.carriedThemes()) {
            titled(e.programmeId(), c.category(), c.themeId(), c.title());
        }
    }

    @EventHandler
    public void on(ThemePrioritised e) {
        store.change(e.programmeId(), e.themeId(), w -> w.withPriority(e.votingId(), e.rank(), e.votes()));
    }

    // ---- step 4: understand ------------------------------------------------------------------------------

    @EventHandler
    public void on(WhyAsked e) {
        store.change(
                e.programmeId(),
                e.themeId(),
                w -> w.withWhy(e.whyId(), y -> new Why(e.whyId(), e.causeId(), e.question(), name(e.perspective()))));
    }

    @EventHandler
    public void on(CauseGiven e) {
        store.change(
                e.programmeId(),
                e.themeId(),
                w -> w.withCause(e.causeId(), c -> c.given(e.whyId(), e.text(), name(e.perspective()))));
    }

    @EventHandler
    public void on(CauseFlaggedByGuardRail e) {
        store.change(e.programmeId(), e.themeId(), w -> w.withCause(e.causeId(), c -> c.flagged(e.reasons())));
    }

    @EventHandler
    public void on(RootCauseChosen e) {
        store.change(
                e.programmeId(), e.themeId(), w -> w.withCause(e.causeId(), c -> c.counted(e.rank(), e.votes(), true)));
    }

    // ---- step 5: identify success ------------------------------------------------------------------------

    @EventHandler
    public void on(SuccessStatementWritten e) {
        store.change(
                e.programmeId(),
                e.themeId(),
                w -> w.withSuccess(
                        e.successId(),
                        s -> new Success(e.successId(), name(e.perspective()), e.text(), e.rootCauseIds())));
    }

    @EventHandler
    public void on(SuccessStatementRevised e) {
        store.change(
                e.programmeId(),
                e.themeId(),
                w -> w.withSuccess(
                        e.successId(), s -> new Success(e.successId(), s.perspective(), e.text(), e.rootCauseIds())));
    }

    @EventHandler
    public void on(MeasureDefined e) {
        store.refer(e.programmeId(), MEASURE, e.measureId(), e.themeId());
        store.change(
                e.programmeId(),
                e.themeId(),
                w -> w.withMeasure(
                        e.measureId(),
                        m -> new Measure(
                                e.measureId(),
                                e.successId(),
                                name(e.kind()),
                                e.description(),
                                e.dataSource(),
                                e.alreadyCollected(),
                                e.proxy(),
                                e.unit(),
                                name(e.direction()),
                                e.owner(),
                                e.frequency(),
                                m.baseline(),
                                m.actuals())));
    }

    @EventHandler
    public void on(MeasureBaselined e) {
        store.changeReferred(
                e.programmeId(),
                MEASURE,
                e.measureId(),
                w -> w.withMeasure(e.measureId(), m -> m.baselined(e.baseline())));
    }

    @EventHandler
    public void on(ActualRecorded e) {
        store.changeReferred(
                e.programmeId(),
                MEASURE,
                e.measureId(),
                w -> w.withMeasure(e.measureId(), m -> m.withActual(e.actual())));
    }

    // ---- step 6: plan ------------------------------------------------------------------------------------

    @EventHandler
    public void on(AlreadyInPlaceRecorded e) {
        store.change(e.programmeId(), e.themeId(), w -> w.withInPlace(e.itemId(), e.description()));
    }

    @EventHandler
    public void on(IdeaProposed e) {
        store.change(
                e.programmeId(),
                e.themeId(),
                w -> w.withIdea(e.ideaId(), i -> i.proposed(name(e.mode()), e.text(), e.rootCauseIds())));
    }

    @EventHandler
    public void on(IdeaChosen e) {
        store.change(
                e.programmeId(), e.themeId(), w -> w.withIdea(e.ideaId(), i -> i.counted(e.rank(), e.votes(), true)));
    }

    @EventHandler
    public void on(IdeaPlaced e) {
        store.change(
                e.programmeId(),
                e.themeId(),
                w -> w.withIdea(
                        e.ideaId(),
                        i -> i.placed(
                                e.medianEffort(),
                                e.medianImpact(),
                                e.effortSpread(),
                                e.impactSpread(),
                                e.placements(),
                                name(e.quadrant()))));
    }

    @EventHandler
    public void on(IdeaDropped e) {
        store.change(e.programmeId(), e.themeId(), w -> w.withIdea(e.ideaId(), i -> i.dropped(e.reason())));
    }

    /** The ballot's count for every option, chosen or not (the chosen ones are marked by their own events). */
    @EventHandler
    public void on(BallotClosed e) {
        if (e.ranking().isEmpty()) {
            return;
        }
        boolean ideas = e.subject() == BallotSubject.IDEAS;
        store.change(e.programmeId(), e.themeId(), w -> {
            for (RankedOption o : e.ranking()) {
                w = ideas
                        ? w.withIdea(o.optionId(), i -> i.counted(o.rank(), o.votes(), i.chosen()))
                        : w.withCause(o.optionId(), c -> c.counted(o.rank(), o.votes(), c.rootCause()));
            }
            return w;
        });
    }

    // ---- step 7: implement -------------------------------------------------------------------------------

    @EventHandler
    public void on(ActionPlanAgreed e, EventMessage<?> message) {
        planned(e.programmeId(), e.themeId(), e.planId(), e.ideaId(), e.version(), e.content(), null, message);
    }

    @EventHandler
    public void on(ActionPlanChanged e, EventMessage<?> message) {
        planned(e.programmeId(), e.themeId(), e.planId(), e.ideaId(), e.version(), e.content(), e.reason(), message);
    }

    /** Keeps every version of the plan by its number, and the newest as the plan's content. */
    private void planned(
            String programmeId,
            String themeId,
            String planId,
            String ideaId,
            int version,
            PlanContent content,
            String reason,
            EventMessage<?> message) {
        Object actor = message.getMetaData().get(ActorMetaData.ACTOR);
        PlanVersion v = new PlanVersion(
                version, content, reason, Date.from(message.getTimestamp()), actor == null ? null : actor.toString());
        store.refer(programmeId, PLAN, planId, themeId);
        store.change(programmeId, themeId, w -> w.withPlan(planId, p -> p.withVersion(ideaId, v)));
    }

    @EventHandler
    public void on(MilestoneReached e) {
        Reached reached = new Reached(e.milestoneId(), e.reachedOn(), e.note());
        store.changeReferred(
                e.programmeId(), PLAN, e.planId(), w -> w.withPlan(e.planId(), p -> p.withReached(reached)));
    }
}
