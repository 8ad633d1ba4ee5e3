package org.goldenthread.command.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.goldenthread.command.vote.Ranking;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.ballot.*;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.understand.RootCauseChosen;

/**
 * One vote of steps 4 and 6 — on a prioritised theme's root causes, or on its ideas — counted like the
 * theme vote: {@code votesPerParticipant} votes each, for distinct options among those on the ballot when
 * it opened; at close the options are ranked ({@link Ranking}) and the top {@code selectTop} with at least
 * one vote are chosen, every option tied at the cut-off too.
 */
public final class Ballot {

    private final String ballotId;
    private final BallotSubject subject;
    private final String themeId;
    private final int votesPerParticipant;
    private final int selectTop;
    private final List<BallotOption> options;
    private final Map<String, List<String>> votes = new LinkedHashMap<>();
    private boolean open = true;

    Ballot(BallotOpened e) {
        this(e.ballotId(), e.subject(), e.themeId(), e.votesPerParticipant(), e.selectTop(), e.options());
    }

    /** The ballot as it opened (also how a snapshot of the programme restores it). */
    Ballot(
            String ballotId,
            BallotSubject subject,
            String themeId,
            int votesPerParticipant,
            int selectTop,
            List<BallotOption> options) {
        this.ballotId = ballotId;
        this.subject = subject;
        this.themeId = themeId;
        this.votesPerParticipant = votesPerParticipant;
        this.selectTop = selectTop;
        this.options = List.copyOf(options);
    }

    public String ballotId() {
        return ballotId;
    }

    public BallotSubject subject() {
        return subject;
    }

    public String themeId() {
        return themeId;
    }

    public boolean isOpen() {
        return open;
    }

    /** The options the participant has voted for, in the order cast. */
    public List<String> votesOf(String participantId) {
        return List.copyOf(votes.getOrDefault(participantId, List.of()));
    }

    // ---- decisions (the caller has checked that the ballot is open and the participant may act)

    BallotVoteCast cast(CastBallotVote c) {
        if (indexOf(c.optionId()) < 0) {
            throw new RuleViolation(
                    "option-on-ballot",
                    "option '" + c.optionId() + "' is not on ballot '" + ballotId + "'; only the " + subject
                            + " of theme '" + themeId + "' as they stood when it opened");
        }
        List<String> mine = votesOf(c.participantId());
        if (mine.contains(c.optionId())) {
            throw new RuleViolation(
                    "distinct-options",
                    "each of a participant's votes goes to a different option; " + "option '" + c.optionId()
                            + "' already has their vote");
        }
        if (mine.size() >= votesPerParticipant) {
            throw new RuleViolation(
                    "votes-per-participant",
                    "each participant has " + votesPerParticipant + " votes; withdraw one before casting another");
        }
        return new BallotVoteCast(c.programmeId(), ballotId, c.participantId(), c.optionId());
    }

    BallotVoteWithdrawn withdraw(WithdrawBallotVote c) {
        if (!votesOf(c.participantId()).contains(c.optionId())) {
            throw new RuleViolation(
                    "no-such-vote",
                    "participant '" + c.participantId() + "' has no vote for option '" + c.optionId()
                            + "' to withdraw");
        }
        return new BallotVoteWithdrawn(c.programmeId(), ballotId, c.participantId(), c.optionId());
    }

    /** BallotClosed, then one RootCauseChosen or IdeaChosen per chosen option, in rank order. */
    List<Object> close(CloseBallot c) {
        int[] counts = new int[options.size()];
        for (List<String> cast : votes.values()) {
            for (String optionId : cast) {
                counts[indexOf(optionId)]++;
            }
        }
        Ranking.Result result = Ranking.of(counts, selectTop);
        List<RankedOption> ranking = result.ranking().stream().map(this::ranked).toList();
        List<RankedOption> chosen = result.chosen().stream().map(this::ranked).toList();
        List<Object> events = new ArrayList<>();
        events.add(new BallotClosed(
                c.programmeId(),
                ballotId,
                subject,
                themeId,
                ranking,
                chosen.stream().map(RankedOption::optionId).toList(),
                result.tieAtCutoff()));
        for (RankedOption r : chosen) {
            events.add(
                    subject == BallotSubject.ROOT_CAUSES
                            ? new RootCauseChosen(c.programmeId(), themeId, r.optionId(), ballotId, r.rank(), r.votes())
                            : new IdeaChosen(c.programmeId(), themeId, r.optionId(), ballotId, r.rank(), r.votes()));
        }
        return events;
    }

    private RankedOption ranked(Ranking.Place p) {
        BallotOption o = options.get(p.index());
        return new RankedOption(o.optionId(), o.label(), p.votes(), p.rank());
    }

    private int indexOf(String optionId) {
        for (int i = 0; i < options.size(); i++) {
            if (options.get(i).optionId().equals(optionId)) {
                return i;
            }
        }
        return -1;
    }

    // ---- evolution

    void evolve(BallotVoteCast e) {
        votes.computeIfAbsent(e.participantId(), p -> new ArrayList<>()).add(e.optionId());
    }

    void evolve(BallotVoteWithdrawn e) {
        List<String> mine = votes.get(e.participantId());
        mine.remove(e.optionId());
        if (mine.isEmpty()) {
            votes.remove(e.participantId());
        }
    }

    void evolve(BallotClosed e) {
        open = false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ballot b
                && ballotId.equals(b.ballotId)
                && subject == b.subject
                && themeId.equals(b.themeId)
                && votesPerParticipant == b.votesPerParticipant
                && selectTop == b.selectTop
                && options.equals(b.options)
                && votes.equals(b.votes)
                && open == b.open;
    }

    @Override
    public int hashCode() {
        return Objects.hash(ballotId, subject, themeId, votesPerParticipant, selectTop, options, votes, open);
    }
}
