package org.goldenthread.query.ballot;

import com.mongodb.client.MongoDatabase;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.goldenthread.kernel.ballot.*;
import org.goldenthread.query.readstore.ReadModelVersion;
import org.goldenthread.query.vote.PollDocuments;

/**
 * Read model of the votes of steps 4 and 6: a ballot among a prioritised theme's root causes or ideas, its
 * tallies, and once closed the ranking and the options chosen. Kept by the one vote read model ({@link
 * PollDocuments}) in the collection {@code ballots}, with the ballot's {@code subject} and {@code themeId}.
 */
@ReadModelVersion(2)
@ProcessingGroup(BallotProjection.PROCESSING_GROUP)
public class BallotProjection {

    public static final String PROCESSING_GROUP = "ballot";
    public static final String BALLOTS = "ballots";

    private final PollDocuments polls;

    public BallotProjection(MongoDatabase database) {
        this.polls = new PollDocuments(database, BALLOTS, PollDocuments.Shape.OPTIONS);
    }

    @ResetHandler
    public void reset() {
        polls.reset();
    }

    /** What a ballot says besides the vote itself: its subject and theme. */
    private static Map<String, Object> about(BallotSubject subject, String themeId) {
        Map<String, Object> about = new HashMap<>();
        about.put("subject", subject == null ? null : subject.name());
        about.put("themeId", themeId);
        return about;
    }

    @EventHandler
    public void on(BallotOpened e) {
        polls.opened(
                e.programmeId(),
                e.ballotId(),
                e.votesPerParticipant(),
                e.selectTop(),
                e.options().stream()
                        .map(o -> new PollDocuments.Option(o.optionId(), o.label(), null))
                        .toList(),
                about(e.subject(), e.themeId()));
    }

    @EventHandler
    public void on(BallotVoteCast e) {
        polls.cast(e.programmeId(), e.ballotId(), e.participantId(), e.optionId());
    }

    @EventHandler
    public void on(BallotVoteWithdrawn e) {
        polls.withdrawn(e.programmeId(), e.ballotId(), e.participantId(), e.optionId());
    }

    @EventHandler
    public void on(BallotClosed e) {
        polls.closed(
                e.programmeId(),
                e.ballotId(),
                e.ranking().stream()
                        .map(r -> new PollDocuments.Ranked(r.optionId(), r.label(), r.votes(), r.rank()))
                        .toList(),
                e.chosenOptionIds(),
                e.tieAtCutoff(),
                about(e.subject(), e.themeId()));
    }

    /** The ballot, or null when unknown or belonging to another programme (infra maps null to 404). */
    /** One participant's votes in the ballot, or null when the ballot is unknown. */
    @QueryHandler
    public org.goldenthread.kernel.vote.ParticipantVotes handle(FindParticipantBallotVotes query) {
        return polls.find(query.programmeId(), query.ballotId())
                .map(p -> org.goldenthread.kernel.vote.ParticipantVotes.of(
                        p.programmeId(),
                        p.pollId(),
                        query.participantId(),
                        polls.votesOf(p, query.participantId()),
                        p.votesPerParticipant()))
                .orElse(null);
    }

    @QueryHandler
    public BallotView handle(FindBallot query) {
        return polls.find(query.programmeId(), query.ballotId())
                .map(p -> {
                    String subject = p.stored().getString("subject");
                    return new BallotView(
                            p.programmeId(),
                            p.pollId(),
                            subject == null ? null : BallotSubject.valueOf(subject),
                            p.stored().getString("themeId"),
                            p.status(),
                            p.votesPerParticipant(),
                            p.selectTop(),
                            p.options().stream()
                                    .map(o -> new BallotView.Tally(o.id(), o.label(), p.votesFor(o.id())))
                                    .toList(),
                            p.votesCast(),
                            p.ranking().stream()
                                    .map(r -> new RankedOption(r.id(), r.label(), r.votes(), r.rank()))
                                    .toList(),
                            p.chosen(),
                            p.tieAtCutoff());
                })
                .orElse(null);
    }
}
