package org.goldenthread.programme;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.goldenthread.collect.Collection;
import org.goldenthread.collect.ImportReport;
import org.goldenthread.collect.ImportStatements;
import org.goldenthread.collect.QualityCheck;
import org.goldenthread.collect.RecordReview;
import org.goldenthread.collect.ReviewRecorded;
import org.goldenthread.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.collect.StatementInput;
import org.goldenthread.collect.StatementRecorded;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.theme.Boards;
import org.goldenthread.theme.ClusterStatement;
import org.goldenthread.theme.CreateTheme;
import org.goldenthread.theme.MergeThemes;
import org.goldenthread.theme.ParkStatement;
import org.goldenthread.theme.RenameTheme;
import org.goldenthread.theme.SplitTheme;
import org.goldenthread.theme.StatementClustered;
import org.goldenthread.theme.StatementMoved;
import org.goldenthread.theme.StatementParked;
import org.goldenthread.theme.StatementUnparked;
import org.goldenthread.theme.ThemeCreated;
import org.goldenthread.theme.ThemeRenamed;
import org.goldenthread.theme.ThemeSplit;
import org.goldenthread.theme.ThemesMerged;
import org.goldenthread.theme.UnparkStatement;
import org.goldenthread.vote.CastVote;
import org.goldenthread.vote.CloseVoting;
import org.goldenthread.vote.OpenVoting;
import org.goldenthread.vote.ThemeAtOpening;
import org.goldenthread.vote.VoteCast;
import org.goldenthread.vote.VoteWithdrawn;
import org.goldenthread.vote.VotingClosed;
import org.goldenthread.vote.VotingOpened;
import org.goldenthread.vote.VotingRounds;
import org.goldenthread.vote.WithdrawVote;

import java.util.ArrayList;
import java.util.List;

/**
 * One Working Together for Change programme: Prepare, Collect, Theme and Vote share one consistency
 * boundary. A thin Axon shell: the method's rules live in {@link Participants}, {@link Collection},
 * {@link Boards} and {@link VotingRounds}, which check a command completely and answer the events to
 * apply (so a refused command applies nothing); state changes only in the event sourcing handlers.
 */
@Aggregate(cache = "programmeCache")
public class Programme {

    @AggregateIdentifier
    private String programmeId;
    private final Participants participants = new Participants();
    private final Collection collection = new Collection();
    private final Boards boards = new Boards();
    private final VotingRounds votings = new VotingRounds();

    protected Programme() {
        // for Axon
    }

    // ---- Prepare

    @CommandHandler
    public Programme(LaunchProgramme c) {
        AggregateLifecycle.apply(new ProgrammeLaunched(c.programmeId(), c.purpose(), c.level()));
    }

    @CommandHandler
    public void handle(PlanSample c) {
        AggregateLifecycle.apply(new SamplePlanned(c.programmeId(), c.plan()));
    }

    @CommandHandler
    public void handle(RegisterParticipant c) {
        applyAll(participants.register(c));
    }

    // ---- Collect

    @CommandHandler
    public void handle(RecordReview c, PersonalDataVault vault, QualityCheck check) {
        applyAll(collection.record(c, vault, check));
    }

    @CommandHandler
    public ImportReport handle(ImportStatements c, PersonalDataVault vault, QualityCheck check) {
        List<Collection.ReviewDraft> reviews = collection.planImport(c.rows());
        int statements = reviews.stream().mapToInt(r -> r.statements().size()).sum();
        if (c.dryRun()) {
            int flagged = (int) reviews.stream().flatMap(r -> r.statements().stream())
                    .map(StatementInput::text).filter(t -> !check.reasonsFor(t).isEmpty()).count();
            return new ImportReport(true, c.rows().size(), reviews.size(), statements, flagged, List.of(), List.of());
        }
        List<Object> events = new ArrayList<>();
        for (Collection.ReviewDraft review : reviews) {
            events.addAll(Collection.events(c.programmeId(), review, vault, check));
        }
        applyAll(events);
        int flagged = (int) events.stream()
                .filter(e -> e instanceof StatementFlaggedAsProfessionalLanguage).count();
        return new ImportReport(false, c.rows().size(), reviews.size(), statements, flagged,
                reviews.stream().map(Collection.ReviewDraft::reviewId).toList(),
                reviews.stream().flatMap(r -> r.statements().stream()).map(StatementInput::statementId).toList());
    }

    /** Crypto-shredding: the act is recorded, and the person's key is destroyed once that act is committed. */
    @CommandHandler
    public void handle(ForgetPerson c, PersonalDataVault vault) {
        applyAll(collection.forget(c));
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> vault.destroyKey(c.programmeId(), c.person()));
        } else {
            vault.destroyKey(c.programmeId(), c.person());
        }
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
    public void handle(CastVote c, @MetaDataValue(ActorMetaData.ACTOR) String actor,
                       @MetaDataValue(ActorMetaData.ROLE) String role) {
        votings.requireOpen(c.votingId());
        participants.requireMayActFor(c.participantId(), actor, role);
        applyAll(votings.cast(c, boards::themeExists));
    }

    @CommandHandler
    public void handle(WithdrawVote c, @MetaDataValue(ActorMetaData.ACTOR) String actor,
                       @MetaDataValue(ActorMetaData.ROLE) String role) {
        votings.requireOpen(c.votingId());
        participants.requireMayActFor(c.participantId(), actor, role);
        applyAll(votings.withdraw(c));
    }

    @CommandHandler
    public void handle(CloseVoting c) {
        applyAll(votings.close(c));
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
}
