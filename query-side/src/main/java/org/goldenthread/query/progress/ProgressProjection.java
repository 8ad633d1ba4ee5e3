package org.goldenthread.query.progress;

import static org.goldenthread.query.progress.ProgressStore.MEASURE;
import static org.goldenthread.query.progress.ProgressStore.PROGRAMME;
import static org.goldenthread.query.progress.ProgressStore.STATEMENT;
import static org.goldenthread.query.progress.ProgressStore.VOTING;

import com.mongodb.client.MongoDatabase;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.learn.ActualRecorded;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.learn.ProcessReviewRecorded;
import org.goldenthread.kernel.learn.ReportPublished;
import org.goldenthread.kernel.plan.AlreadyInPlaceRecorded;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaPlaced;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.programme.ParticipantRegistered;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.programme.SamplePlanned;
import org.goldenthread.kernel.progress.FindProgress;
import org.goldenthread.kernel.progress.ProgressView;
import org.goldenthread.kernel.progress.StepPolicy;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementMoved;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.query.progress.ProgressStore.CycleItem;
import org.goldenthread.query.progress.ProgressStore.MeasureRef;
import org.goldenthread.query.progress.ProgressStore.Programme;
import org.goldenthread.query.progress.ProgressStore.ProgrammeChange;
import org.goldenthread.query.progress.ProgressStore.Statement;
import org.goldenthread.query.progress.ProgressStore.Vote;
import org.goldenthread.query.progress.ProgressStore.Voting;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ReadModelVersion;
import org.goldenthread.query.readstore.ScopedId;

/**
 * Read model of where a programme stands: the method's 8 steps for the current cycle (NOT_STARTED, IN_PROGRESS or
 * DONE, with a one-line summary each; when a step is done is the method's {@link StepPolicy}), the prioritised
 * themes, and each theme's lineage across cycles (statements clustered, votes, prioritised) for comparison. The
 * handlers here turn events into the documents of {@link ProgressStore}; {@link ProgressAssembly} builds the view.
 *
 * <p>Handlers are idempotent: sets for lists, the first value for what belongs to a first sighting (a document's
 * cycle, a theme's lineage and earliest creation), the highest cycle; never a count kept by adding.
 */
@ReadModelVersion(2)
@ProcessingGroup(ProgressProjection.PROCESSING_GROUP)
public class ProgressProjection {

    public static final String PROCESSING_GROUP = "progress";
    public static final String PROGRESS = ProgressStore.PROGRESS;

    private final ProgressStore store;

    public ProgressProjection(MongoDatabase database) {
        this.store = new ProgressStore(database);
    }

    @ResetHandler
    public void reset() {
        store.drop();
    }

    /** The programme's progress, or null when the programme was never launched. */
    @QueryHandler
    public ProgressView handle(FindProgress query) {
        return new ProgressAssembly(store).progress(query.programmeId());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** Changes the programme's document, creating it when missing. */
    private void programme(String programmeId, Consumer<ProgrammeChange> change) {
        Programme p = store.programme(programmeId)
                .orElse(new Programme(programmeId, PROGRAMME, programmeId, null, null, null, null, null, null, null));
        ProgrammeChange c = new ProgrammeChange(p);
        change.accept(c);
        store.programmes.put(c.done());
    }

    /** A theme starting in a cycle (unless it has one); its lineage begins with it unless given. */
    private void newTheme(
            String programmeId, String themeId, Category category, String title, int cycle, String lineageId, Date at) {
        store.changeTheme(programmeId, themeId, t -> {
            if (t.cycle == null) {
                t.cycle = cycle;
                t.lineageId = lineageId;
            }
            t.category = name(category);
            t.title = title;
            t.createdAt = t.createdAt == null || at.before(t.createdAt) ? at : t.createdAt;
        });
    }

    private void work(String programmeId, String themeId, String kind, String id) {
        store.changeTheme(programmeId, themeId, t -> t.add(kind, id));
    }

    // ---- step 1: prepare ---------------------------------------------------------------------------------

    @EventHandler
    public void on(ProgrammeLaunched e) {
        programme(e.programmeId(), p -> {
            p.cycle = p.cycle == null ? 1 : p.cycle;
            p.purpose = e.purpose();
            p.level = name(e.level());
        });
    }

    @EventHandler
    public void on(SamplePlanned e) {
        programme(e.programmeId(), p -> p.samplePlanned = e.plan() != null);
    }

    @EventHandler
    public void on(ParticipantRegistered e) {
        programme(e.programmeId(), p -> p.participants = Elements.added(p.participants, List.of(e.participantId())));
    }

    // ---- step 2: collect ---------------------------------------------------------------------------------

    @EventHandler
    public void on(StatementRecorded e) {
        String id = ScopedId.of(e.programmeId(), STATEMENT, e.statementId());
        Integer cycle = store.statements.find(id).map(Statement::cycle).orElse(store.cycle(e.programmeId()));
        store.statements.put(new Statement(id, STATEMENT, e.programmeId(), cycle, e.person(), name(e.category())));
    }

    // ---- step 3: theme -----------------------------------------------------------------------------------

    @EventHandler
    public void on(ThemeCreated e, EventMessage<?> message) {
        newTheme(
                e.programmeId(),
                e.themeId(),
                e.category(),
                e.title(),
                store.cycle(e.programmeId()),
                e.themeId(),
                Date.from(message.getTimestamp()));
    }

    @EventHandler
    public void on(ThemeRenamed e) {
        store.changeTheme(e.programmeId(), e.themeId(), t -> t.title = e.title());
    }

    @EventHandler
    public void on(StatementClustered e) {
        place(e.programmeId(), e.themeId(), List.of(e.statementId()));
    }

    @EventHandler
    public void on(StatementMoved e) {
        unplace(e.programmeId(), e.fromThemeId(), List.of(e.statementId()), false);
        place(e.programmeId(), e.toThemeId(), List.of(e.statementId()));
    }

    @EventHandler
    public void on(StatementParked e) {
        if (e.fromThemeId() != null) {
            unplace(e.programmeId(), e.fromThemeId(), List.of(e.statementId()), false);
        }
    }

    @EventHandler
    public void on(ThemesMerged e) {
        for (String merged : e.mergedThemeIds()) {
            unplace(e.programmeId(), merged, e.statementIds(), true);
        }
        place(e.programmeId(), e.themeId(), e.statementIds());
    }

    @EventHandler
    public void on(ThemeSplit e, EventMessage<?> message) {
        newTheme(
                e.programmeId(),
                e.newThemeId(),
                e.category(),
                e.title(),
                store.cycle(e.programmeId()),
                e.newThemeId(),
                Date.from(message.getTimestamp()));
        unplace(e.programmeId(), e.themeId(), e.statementIds(), false);
        place(e.programmeId(), e.newThemeId(), e.statementIds());
    }

    private void place(String programmeId, String themeId, List<String> statementIds) {
        store.changeTheme(programmeId, themeId, t -> t.statementIds = Elements.added(t.statementIds, statementIds));
    }

    private void unplace(String programmeId, String themeId, List<String> statementIds, boolean retire) {
        store.changeTheme(programmeId, themeId, t -> {
            t.statementIds = t.statementIds.stream()
                    .filter(s -> !statementIds.contains(s))
                    .toList();
            if (retire) {
                t.retired = true;
            }
        });
    }

    private void voting(String programmeId, String votingId, boolean closing) {
        String id = ScopedId.of(programmeId, VOTING, votingId);
        Voting voting =
                store.votings.find(id).orElse(new Voting(id, VOTING, programmeId, store.cycle(programmeId), false));
        store.votings.put(
                new Voting(id, VOTING, programmeId, voting.cycle(), closing || Boolean.TRUE.equals(voting.closed())));
    }

    @EventHandler
    public void on(VotingOpened e) {
        voting(e.programmeId(), e.votingId(), false);
    }

    @EventHandler
    public void on(VoteCast e) {
        Vote vote = new Vote(e.votingId(), e.participantId());
        store.changeTheme(e.programmeId(), e.themeId(), t -> t.votes = Elements.added(t.votes, List.of(vote)));
    }

    @EventHandler
    public void on(VoteWithdrawn e) {
        Vote vote = new Vote(e.votingId(), e.participantId());
        store.changeTheme(e.programmeId(), e.themeId(), t -> t.votes = Elements.removed(t.votes, vote));
    }

    @EventHandler
    public void on(VotingClosed e) {
        voting(e.programmeId(), e.votingId(), true);
        for (RankedTheme r : e.ranking()) {
            store.changeTheme(e.programmeId(), r.themeId(), t -> t.closedVotes = r.votes());
        }
    }

    @EventHandler
    public void on(ThemePrioritised e) {
        store.changeTheme(e.programmeId(), e.themeId(), t -> {
            t.prioritised = true;
            t.rank = e.rank();
            t.prioritisedVotes = e.votes();
        });
    }

    // ---- steps 4–6 ---------------------------------------------------------------------------------------

    @EventHandler
    public void on(WhyAsked e) {
        work(e.programmeId(), e.themeId(), "whys", e.whyId());
    }

    @EventHandler
    public void on(CauseGiven e) {
        work(e.programmeId(), e.themeId(), "causes", e.causeId());
    }

    @EventHandler
    public void on(RootCauseChosen e) {
        work(e.programmeId(), e.themeId(), "rootCauses", e.causeId());
    }

    @EventHandler
    public void on(SuccessStatementWritten e) {
        work(e.programmeId(), e.themeId(), "successes", e.successId());
    }

    @EventHandler
    public void on(MeasureDefined e) {
        store.measures.put(new MeasureRef(
                ScopedId.of(e.programmeId(), MEASURE, e.measureId()), MEASURE, e.programmeId(), e.themeId()));
        store.changeTheme(
                e.programmeId(),
                e.themeId(),
                t -> t.add("measureIds", e.measureId()).add("measuredSuccesses", e.successId()));
    }

    @EventHandler
    public void on(AlreadyInPlaceRecorded e) {
        work(e.programmeId(), e.themeId(), "inPlace", e.itemId());
    }

    @EventHandler
    public void on(IdeaProposed e) {
        work(e.programmeId(), e.themeId(), "ideas", e.ideaId());
    }

    @EventHandler
    public void on(IdeaChosen e) {
        work(e.programmeId(), e.themeId(), "chosenIdeas", e.ideaId());
    }

    @EventHandler
    public void on(IdeaPlaced e) {
        work(e.programmeId(), e.themeId(), "placedIdeas", e.ideaId());
    }

    // ---- steps 7–8 ---------------------------------------------------------------------------------------

    @EventHandler
    public void on(ActionPlanAgreed e) {
        work(e.programmeId(), e.themeId(), "plans", e.planId());
    }

    /** Adds to the work of the theme the measure belongs to; nothing when the measure is unknown. */
    private void measured(String programmeId, String measureId, String kind) {
        store.measures
                .find(ScopedId.of(programmeId, MEASURE, measureId))
                .ifPresent(ref -> work(programmeId, ref.themeId(), kind, measureId));
    }

    @EventHandler
    public void on(MeasureBaselined e) {
        measured(e.programmeId(), e.measureId(), "baselined");
    }

    @EventHandler
    public void on(ActualRecorded e) {
        measured(e.programmeId(), e.measureId(), "actuals");
    }

    @EventHandler
    public void on(ProcessReviewRecorded e) {
        CycleItem review = new CycleItem(e.cycle(), e.reviewId());
        programme(e.programmeId(), p -> p.processReviews = Elements.added(p.processReviews, List.of(review)));
    }

    @EventHandler
    public void on(ReportPublished e) {
        CycleItem report = new CycleItem(e.cycle(), e.reportId());
        programme(e.programmeId(), p -> p.reports = Elements.added(p.reports, List.of(report)));
    }

    @EventHandler
    public void on(CycleStarted e, EventMessage<?> message) {
        programme(e.programmeId(), p -> p.cycle = Math.max(p.cycle == null ? 0 : p.cycle, e.cycle()));
        for (CycleStarted.CarriedTheme c : e.carriedThemes()) {
            String lineage = store.theme(e.programmeId(), c.fromThemeId())
                    .map(ProgressStore.Theme::lineageId)
                    .orElse(c.fromThemeId());
            newTheme(
                    e.programmeId(),
                    c.themeId(),
                    c.category(),
                    c.title(),
                    e.cycle(),
                    lineage,
                    Date.from(message.getTimestamp()));
        }
    }
}
