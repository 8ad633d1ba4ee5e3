package org.goldenthread.command.programme;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.goldenthread.command.ballot.Ballots;
import org.goldenthread.command.collect.QualityCheck;
import org.goldenthread.command.collect.StatementCollection;
import org.goldenthread.command.implement.ActionPlans;
import org.goldenthread.command.implement.Baselines;
import org.goldenthread.command.learn.Cycles;
import org.goldenthread.command.plan.Ideas;
import org.goldenthread.command.success.SuccessStatements;
import org.goldenthread.command.theme.Boards;
import org.goldenthread.command.understand.FiveWhys;
import org.goldenthread.command.understand.GuardRails;
import org.goldenthread.command.vote.VotingRounds;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.ballot.BallotClosed;
import org.goldenthread.kernel.ballot.BallotOpened;
import org.goldenthread.kernel.ballot.BallotOption;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.BallotVoteCast;
import org.goldenthread.kernel.ballot.BallotVoteWithdrawn;
import org.goldenthread.kernel.ballot.CastBallotVote;
import org.goldenthread.kernel.ballot.CloseBallot;
import org.goldenthread.kernel.ballot.OpenBallot;
import org.goldenthread.kernel.ballot.WithdrawBallotVote;
import org.goldenthread.kernel.collect.ImportReport;
import org.goldenthread.kernel.collect.ImportStatements;
import org.goldenthread.kernel.collect.RecordReview;
import org.goldenthread.kernel.collect.ReviewRecorded;
import org.goldenthread.kernel.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.kernel.collect.StatementInput;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.ActionPlanChanged;
import org.goldenthread.kernel.implement.AgreeActionPlan;
import org.goldenthread.kernel.implement.BaselineMeasure;
import org.goldenthread.kernel.implement.ChangeActionPlan;
import org.goldenthread.kernel.implement.MeasureBaselined;
import org.goldenthread.kernel.implement.MilestoneReached;
import org.goldenthread.kernel.implement.ReachMilestone;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.learn.ProcessReviewRecorded;
import org.goldenthread.kernel.learn.PublishReport;
import org.goldenthread.kernel.learn.RecordActual;
import org.goldenthread.kernel.learn.RecordProcessReview;
import org.goldenthread.kernel.learn.ReportPublished;
import org.goldenthread.kernel.learn.StartNextCycle;
import org.goldenthread.kernel.plan.AlreadyInPlaceRecorded;
import org.goldenthread.kernel.plan.DropIdea;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.plan.IdeaDropped;
import org.goldenthread.kernel.plan.IdeaPlaced;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.plan.PlaceIdea;
import org.goldenthread.kernel.plan.ProposeIdea;
import org.goldenthread.kernel.plan.RecordAlreadyInPlace;
import org.goldenthread.kernel.programme.*;
import org.goldenthread.kernel.success.DefineMeasure;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.ReviseSuccessStatement;
import org.goldenthread.kernel.success.SuccessStatementRevised;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.success.WriteSuccessStatement;
import org.goldenthread.kernel.theme.ClusterStatement;
import org.goldenthread.kernel.theme.CreateTheme;
import org.goldenthread.kernel.theme.MergeThemes;
import org.goldenthread.kernel.theme.ParkStatement;
import org.goldenthread.kernel.theme.RenameTheme;
import org.goldenthread.kernel.theme.SplitTheme;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementMoved;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.StatementUnparked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.theme.UnparkStatement;
import org.goldenthread.kernel.understand.AskWhy;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.GiveCause;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.understand.WhyAsked;
import org.goldenthread.kernel.vote.CastVote;
import org.goldenthread.kernel.vote.CloseVoting;
import org.goldenthread.kernel.vote.OpenVoting;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.kernel.vote.WithdrawVote;

/**
 * One Working Together for Change programme: all eight steps, cycle after cycle, share one consistency
 * boundary. A thin Axon shell: the method's rules live in {@link Participants}, {@link StatementCollection},
 * {@link Boards}, {@link VotingRounds}, {@link FiveWhys}, {@link Ballots}, {@link SuccessStatements},
 * {@link Ideas}, {@link ActionPlans}, {@link Baselines} and {@link Cycles}, which check a command
 * completely and answer the events to apply (so a refused command applies nothing); state changes only
 * in the event sourcing handlers.
 */
@Aggregate(
        cache = "programmeCache",
        snapshotTriggerDefinition = "programmeSnapshotTrigger",
        snapshotFilter = "programmeSnapshotFilter")
@Revision(Programme.SNAPSHOT_REVISION)
public class Programme {

    /**
     * The revision of the programme's state as snapshots hold it: raise it whenever a field of the programme or of
     * its rule classes changes, so snapshots of the earlier shape are ignored (the programme is then replayed from its
     * events, and snapshotted again).
     */
    public static final String SNAPSHOT_REVISION = "5";

    @AggregateIdentifier
    private String programmeId;

    private final Members members = new Members();
    private final Participants participants = new Participants();
    private final StatementCollection collection = new StatementCollection();
    private final Boards boards = new Boards();
    private final VotingRounds votings = new VotingRounds();
    private final FiveWhys whys = new FiveWhys();
    private final Ballots ballots = new Ballots();
    private final SuccessStatements success = new SuccessStatements();
    private final Ideas ideas = new Ideas();
    private final ActionPlans plans = new ActionPlans();
    private final Baselines baselines = new Baselines();
    private final Cycles cycles = new Cycles();

    protected Programme() {
        // for Axon
    }

    // ---- Prepare

    @CommandHandler
    public Programme(LaunchProgramme c, @MetaDataValue(ActorMetaData.ACTOR) String launcher) {
        AggregateLifecycle.apply(new ProgrammeLaunched(c.programmeId(), c.purpose(), c.level()));
        applyAll(Members.onLaunch(c.programmeId(), launcher));
    }

    @CommandHandler
    public void handle(GrantMembership c) {
        applyAll(members.grant(c));
    }

    @CommandHandler
    public void handle(RevokeMembership c) {
        applyAll(members.revoke(c));
    }

    @CommandHandler
    public void handle(PlanSample c) {
        AggregateLifecycle.apply(new SamplePlanned(c.programmeId(), c.plan()));
    }

    @CommandHandler
    public void handle(RegisterParticipant c, PersonalDataVault vault) {
        members.requireMember(c.username());
        applyAll(participants.register(c, vault));
    }

    /** A participant's name is erased as a person's words are: tombstoned with the act, its key destroyed after. */
    @CommandHandler
    public void handle(ForgetParticipant c, PersonalDataVault vault) {
        applyAll(participants.forget(c));
        vault.tombstone(c.programmeId(), ParticipantRegistered.subject(c.participantId()));
    }

    // ---- Collect

    @CommandHandler
    public void handle(RecordReview c, PersonalDataVault vault, QualityCheck check) {
        applyAll(collection.record(c, vault, check));
    }

    @CommandHandler
    public ImportReport handle(ImportStatements c, PersonalDataVault vault, QualityCheck check) {
        List<StatementCollection.ReviewDraft> reviews = collection.planImport(c.rows());
        int statements = reviews.stream().mapToInt(r -> r.statements().size()).sum();
        if (c.dryRun()) {
            int flagged = (int) reviews.stream()
                    .flatMap(r -> r.statements().stream())
                    .map(StatementInput::text)
                    .filter(t -> !check.reasonsFor(t).isEmpty())
                    .count();
            return new ImportReport(true, c.rows().size(), reviews.size(), statements, flagged, List.of(), List.of());
        }
        vault.prepareKeys(
                c.programmeId(),
                reviews.stream().map(StatementCollection.ReviewDraft::person).toList());
        List<Object> events = new ArrayList<>();
        for (StatementCollection.ReviewDraft review : reviews) {
            events.addAll(StatementCollection.events(c.programmeId(), review, vault, check));
        }
        applyAll(events);
        int flagged = (int) events.stream()
                .filter(e -> e instanceof StatementFlaggedAsProfessionalLanguage)
                .count();
        return new ImportReport(
                false,
                c.rows().size(),
                reviews.size(),
                statements,
                flagged,
                reviews.stream().map(StatementCollection.ReviewDraft::reviewId).toList(),
                reviews.stream()
                        .flatMap(r -> r.statements().stream())
                        .map(StatementInput::statementId)
                        .toList());
    }

    /**
     * Crypto-shredding, as a process: the request is recorded and the person's words are tombstoned in the same
     * transaction (never shown again from that moment); the erasure process then destroys the key, retrying until it
     * can, and records it ({@link RecordKeyDestroyed}).
     */
    @CommandHandler
    public void handle(ForgetPerson c, PersonalDataVault vault) {
        applyAll(collection.forget(c));
        vault.tombstone(c.programmeId(), c.person());
    }

    @CommandHandler
    public void handle(RecordKeyDestroyed c) {
        applyAll(
                Participants.isParticipantSubject(c.person())
                        ? participants.keyDestroyed(c)
                        : collection.keyDestroyed(c));
    }

    // ---- Theme

    @CommandHandler
    public void handle(CreateTheme c) {
        applyAll(boards.create(c));
    }

    @CommandHandler
    public void handle(ClusterStatement c) {
        applyAll(boards.cluster(c));
    }

    @CommandHandler
    public void handle(ParkStatement c) {
        applyAll(boards.park(c));
    }

    @CommandHandler
    public void handle(UnparkStatement c) {
        applyAll(boards.unpark(c));
    }

    @CommandHandler
    public void handle(RenameTheme c) {
        applyAll(boards.rename(c));
    }

    @CommandHandler
    public void handle(MergeThemes c) {
        applyAll(boards.merge(c));
    }

    @CommandHandler
    public void handle(SplitTheme c) {
        applyAll(boards.split(c));
    }

    // ---- Vote

    @CommandHandler
    public void handle(OpenVoting c) {
        List<ThemeAtOpening> themes = boards.on(Category.NOT_WORKING).themes().stream()
                .filter(t -> t.active() && !t.statementIds().isEmpty())
                .map(t -> new ThemeAtOpening(t.themeId(), t.title(), t.statementIds()))
                .toList();
        applyAll(votings.open(c, themes));
    }

    @CommandHandler
    public void handle(
            CastVote c,
            @MetaDataValue(ActorMetaData.ACTOR) String actor,
            @MetaDataValue(ActorMetaData.ROLE) String role) {
        votings.requireOpen(c.votingId());
        participants.requireMayActFor(c.participantId(), actor, role);
        applyAll(votings.cast(c, boards::themeExists));
    }

    @CommandHandler
    public void handle(
            WithdrawVote c,
            @MetaDataValue(ActorMetaData.ACTOR) String actor,
            @MetaDataValue(ActorMetaData.ROLE) String role) {
        votings.requireOpen(c.votingId());
        participants.requireMayActFor(c.participantId(), actor, role);
        applyAll(votings.withdraw(c));
    }

    @CommandHandler
    public void handle(CloseVoting c) {
        applyAll(votings.close(c));
    }

    // ---- Understand (five whys)

    @CommandHandler
    public void handle(AskWhy c) {
        requirePrioritised(c.themeId());
        applyAll(whys.ask(c));
    }

    @CommandHandler
    public void handle(GiveCause c, GuardRails guardRails) {
        applyAll(whys.give(c, guardRails));
    }

    // ---- Ballots (root causes, ideas)

    @CommandHandler
    public void handle(OpenBallot c) {
        requirePrioritised(c.themeId());
        List<BallotOption> options = c.subject() == BallotSubject.ROOT_CAUSES
                ? whys.ballotOptions(c.themeId())
                : ideas.ballotOptions(c.themeId());
        applyAll(ballots.open(c, options));
    }

    @CommandHandler
    public void handle(
            CastBallotVote c,
            @MetaDataValue(ActorMetaData.ACTOR) String actor,
            @MetaDataValue(ActorMetaData.ROLE) String role) {
        ballots.requireOpen(c.ballotId());
        participants.requireMayActFor(c.participantId(), actor, role);
        applyAll(ballots.cast(c));
    }

    @CommandHandler
    public void handle(
            WithdrawBallotVote c,
            @MetaDataValue(ActorMetaData.ACTOR) String actor,
            @MetaDataValue(ActorMetaData.ROLE) String role) {
        ballots.requireOpen(c.ballotId());
        participants.requireMayActFor(c.participantId(), actor, role);
        applyAll(ballots.withdraw(c));
    }

    @CommandHandler
    public void handle(CloseBallot c) {
        applyAll(ballots.close(c));
    }

    // ---- Identify success

    @CommandHandler
    public void handle(WriteSuccessStatement c) {
        requirePrioritised(c.themeId());
        applyAll(success.write(c, whys));
    }

    @CommandHandler
    public void handle(ReviseSuccessStatement c) {
        applyAll(success.revise(c, whys));
    }

    @CommandHandler
    public void handle(DefineMeasure c) {
        applyAll(success.define(c));
    }

    // ---- Plan

    @CommandHandler
    public void handle(RecordAlreadyInPlace c) {
        requirePrioritised(c.themeId());
        applyAll(ideas.recordAlreadyInPlace(c));
    }

    @CommandHandler
    public void handle(ProposeIdea c) {
        requirePrioritised(c.themeId());
        applyAll(ideas.propose(c, whys));
    }

    @CommandHandler
    public void handle(
            PlaceIdea c,
            @MetaDataValue(ActorMetaData.ACTOR) String actor,
            @MetaDataValue(ActorMetaData.ROLE) String role) {
        ideas.requireChosenAndKept(c.ideaId());
        participants.requireMayPlaceFor(c.participantId(), actor, role);
        applyAll(ideas.place(c));
    }

    @CommandHandler
    public void handle(DropIdea c) {
        applyAll(ideas.drop(c));
    }

    // ---- Implement

    @CommandHandler
    public void handle(AgreeActionPlan c) {
        applyAll(plans.agree(c, ideas, success::requireMeasure));
    }

    @CommandHandler
    public void handle(ChangeActionPlan c) {
        applyAll(plans.change(c, success::requireMeasure));
    }

    @CommandHandler
    public void handle(ReachMilestone c) {
        applyAll(plans.reach(c));
    }

    @CommandHandler
    public void handle(BaselineMeasure c) {
        applyAll(baselines.baseline(c, id -> success.requireMeasure(id).kind()));
    }

    // ---- Learning and review, the next cycle

    @CommandHandler
    public void handle(RecordActual c) {
        applyAll(baselines.actual(c, id -> success.requireMeasure(id).kind()));
    }

    @CommandHandler
    public void handle(RecordProcessReview c) {
        applyAll(cycles.recordProcessReview(c));
    }

    @CommandHandler
    public void handle(PublishReport c) {
        applyAll(cycles.publish(c));
    }

    @CommandHandler
    public void handle(StartNextCycle c) {
        applyAll(cycles.startNext(c, boards, votings.openRound().isPresent() || ballots.anyOpen()));
    }

    // ---- what the Do stage asks of a programme (contracts are aggregates of their own)

    /** The kind of the programme's measure, if it has one by this id. */
    public java.util.Optional<org.goldenthread.kernel.success.MeasureKind> measureKind(String measureId) {
        try {
            return java.util.Optional.of(success.requireMeasure(measureId).kind());
        } catch (org.goldenthread.kernel.UnknownReference e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether the programme holds a statement by this id. */
    public boolean hasStatement(String statementId) {
        return collection.statement(statementId).isPresent();
    }

    private void requirePrioritised(String themeId) {
        votings.requirePrioritised(themeId, boards::themeExists);
    }

    private static void applyAll(List<Object> events) {
        events.forEach(AggregateLifecycle::apply);
    }

    // ---- event sourcing

    @EventSourcingHandler
    void on(ProgrammeLaunched e) {
        programmeId = e.programmeId();
    }

    @EventSourcingHandler
    void on(MembershipGranted e) {
        members.evolve(e);
    }

    @EventSourcingHandler
    void on(MembershipRevoked e) {
        members.evolve(e);
    }

    @EventSourcingHandler
    void on(ParticipantRegistered e) {
        participants.evolve(e);
    }

    @EventSourcingHandler
    void on(ReviewRecorded e) {
        collection.evolve(e);
    }

    @EventSourcingHandler
    void on(StatementRecorded e) {
        collection.evolve(e);
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(PersonForgotten e) {
        collection.evolve(e);
    }

    @EventSourcingHandler
    void on(PersonKeyDestroyed e) {
        if (Participants.isParticipantSubject(e.person())) {
            participants.evolveKeyDestroyed(e);
        } else {
            collection.evolve(e);
        }
    }

    @EventSourcingHandler
    void on(ParticipantForgotten e) {
        participants.evolve(e);
    }

    @EventSourcingHandler
    void on(ThemeCreated e) {
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(StatementClustered e) {
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(StatementMoved e) {
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(StatementParked e) {
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(StatementUnparked e) {
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(ThemeRenamed e) {
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(ThemesMerged e) {
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(ThemeSplit e) {
        boards.evolve(e);
    }

    @EventSourcingHandler
    void on(VotingOpened e) {
        votings.evolve(e);
    }

    @EventSourcingHandler
    void on(VoteCast e) {
        votings.evolve(e);
    }

    @EventSourcingHandler
    void on(VoteWithdrawn e) {
        votings.evolve(e);
    }

    @EventSourcingHandler
    void on(VotingClosed e) {
        votings.evolve(e);
    }

    @EventSourcingHandler
    void on(ThemePrioritised e) {
        votings.evolve(e);
    }

    @EventSourcingHandler
    void on(WhyAsked e) {
        whys.evolve(e);
    }

    @EventSourcingHandler
    void on(CauseGiven e) {
        whys.evolve(e);
    }

    @EventSourcingHandler
    void on(BallotOpened e) {
        ballots.evolve(e);
    }

    @EventSourcingHandler
    void on(BallotVoteCast e) {
        ballots.evolve(e);
    }

    @EventSourcingHandler
    void on(BallotVoteWithdrawn e) {
        ballots.evolve(e);
    }

    @EventSourcingHandler
    void on(BallotClosed e) {
        ballots.evolve(e);
    }

    @EventSourcingHandler
    void on(RootCauseChosen e) {
        whys.evolve(e);
    }

    @EventSourcingHandler
    void on(SuccessStatementWritten e) {
        success.evolve(e);
    }

    @EventSourcingHandler
    void on(SuccessStatementRevised e) {
        success.evolve(e);
    }

    @EventSourcingHandler
    void on(MeasureDefined e) {
        success.evolve(e);
    }

    @EventSourcingHandler
    void on(AlreadyInPlaceRecorded e) {
        ideas.evolve(e);
    }

    @EventSourcingHandler
    void on(IdeaProposed e) {
        ideas.evolve(e);
    }

    @EventSourcingHandler
    void on(IdeaChosen e) {
        ideas.evolve(e);
    }

    @EventSourcingHandler
    void on(IdeaPlaced e) {
        ideas.evolve(e);
    }

    @EventSourcingHandler
    void on(IdeaDropped e) {
        ideas.evolve(e);
    }

    @EventSourcingHandler
    void on(ActionPlanAgreed e) {
        plans.evolve(e);
    }

    @EventSourcingHandler
    void on(ActionPlanChanged e) {
        plans.evolve(e);
    }

    @EventSourcingHandler
    void on(MilestoneReached e) {
        plans.evolve(e);
    }

    @EventSourcingHandler
    void on(MeasureBaselined e) {
        baselines.evolve(e);
    }

    @EventSourcingHandler
    void on(ProcessReviewRecorded e) {
        cycles.evolve(e);
    }

    @EventSourcingHandler
    void on(ReportPublished e) {
        cycles.evolve(e);
    }

    @EventSourcingHandler
    void on(CycleStarted e) {
        cycles.evolve(e);
        collection.evolve(e);
        boards.evolve(e);
        votings.evolve(e);
    }
}
