package org.goldenthread.query.vote;

import com.mongodb.client.MongoDatabase;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.goldenthread.kernel.vote.FindParticipantVotes;
import org.goldenthread.kernel.vote.FindVoting;
import org.goldenthread.kernel.vote.ParticipantVotes;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VoteWithdrawn;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.goldenthread.kernel.vote.VotingView;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Read model of the step 3 vote: a voting round on the NOT_WORKING themes, its tallies, and once closed the
 * ranking and the themes that go forward. Kept by the one vote read model ({@link PollDocuments}) in the collection
 * {@code votings}.
 */
@ReadModelVersion(2)
@ProcessingGroup(VotingProjection.PROCESSING_GROUP)
public class VotingProjection {

    public static final String PROCESSING_GROUP = "voting";
    public static final String VOTINGS = "votings";

    private final PollDocuments polls;

    public VotingProjection(MongoDatabase database) {
        this.polls = new PollDocuments(database, VOTINGS, PollDocuments.Shape.THEMES);
    }

    @ResetHandler
    public void reset() {
        polls.reset();
    }

    @EventHandler
    public void on(VotingOpened e) {
        polls.opened(
                e.programmeId(),
                e.votingId(),
                e.votesPerParticipant(),
                e.selectTop(),
                e.themes().stream()
                        .map(t -> new PollDocuments.Option(t.themeId(), t.title(), t.statementIds()))
                        .toList(),
                Map.of());
    }

    @EventHandler
    public void on(VoteCast e) {
        polls.cast(e.programmeId(), e.votingId(), e.participantId(), e.themeId());
    }

    @EventHandler
    public void on(VoteWithdrawn e) {
        polls.withdrawn(e.programmeId(), e.votingId(), e.participantId(), e.themeId());
    }

    @EventHandler
    public void on(VotingClosed e) {
        polls.closed(
                e.programmeId(),
                e.votingId(),
                e.ranking().stream()
                        .map(r -> new PollDocuments.Ranked(r.themeId(), r.title(), r.votes(), r.rank()))
                        .toList(),
                e.prioritisedThemeIds(),
                e.tieAtCutoff(),
                Map.of());
    }

    /** One participant's votes in the round, or null when the round is unknown. */
    @QueryHandler
    public ParticipantVotes handle(FindParticipantVotes query) {
        return polls.find(query.programmeId(), query.votingId())
                .map(p -> ParticipantVotes.of(
                        p.programmeId(),
                        p.pollId(),
                        query.participantId(),
                        polls.votesOf(p, query.participantId()),
                        p.votesPerParticipant()))
                .orElse(null);
    }

    /** The round, or null when unknown or belonging to another programme (infra maps null to 404). */
    @QueryHandler
    public VotingView handle(FindVoting query) {
        return polls.find(query.programmeId(), query.votingId())
                .map(p -> new VotingView(
                        p.programmeId(),
                        p.pollId(),
                        p.status(),
                        p.votesPerParticipant(),
                        p.selectTop(),
                        p.options().stream()
                                .map(o -> new VotingView.Tally(
                                        o.id(),
                                        o.label(),
                                        o.statementIds() == null ? java.util.List.of() : o.statementIds(),
                                        p.votesFor(o.id())))
                                .toList(),
                        p.votesCast(),
                        p.participantsVoted(),
                        p.ranking().stream()
                                .map(r -> new RankedTheme(r.id(), r.label(), r.votes(), r.rank()))
                                .toList(),
                        p.chosen(),
                        p.tieAtCutoff()))
                .orElse(null);
    }
}
