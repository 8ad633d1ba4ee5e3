package org.goldenthread.command.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.goldenthread.command.vote.Poll;
import org.goldenthread.command.vote.Ranking;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.ballot.*;
import org.goldenthread.kernel.plan.IdeaChosen;
import org.goldenthread.kernel.understand.RootCauseChosen;

/**
 * One vote of steps 4 and 6 — on a prioritised theme's root causes, or on its ideas — counted by the method's one
 * vote rule ({@link Poll}, as the theme vote is): {@code votesPerParticipant} votes each, for distinct options among
 * those on the ballot when it opened; at close the top {@code selectTop} with at least one vote are chosen, every
 * option tied at the cut-off too. This class says what is voted on and which events record it.
 */
public final class Ballot implements Poll.Subject {

    private final Poll poll;
    private final BallotSubject subject;
    private final String themeId;
    private final List<BallotOption> options;

    Ballot(BallotOpened e) {
        this(
                new Poll(
                        e.ballotId(),
                        e.votesPerParticipant(),
                        e.selectTop(),
                        e.options().stream().map(BallotOption::optionId).toList()),
                e.subject(),
                e.themeId(),
                e.options());
    }

    /** The ballot from its count and what it is on (also how a snapshot of the programme restores it). */
    Ballot(Poll poll, BallotSubject subject, String themeId, List<BallotOption> options) {
        this.poll = poll;
        this.subject = subject;
        this.themeId = themeId;
        this.options = List.copyOf(options);
    }

    @Override
    public Poll poll() {
        return poll;
    }

    public String ballotId() {
        return poll.pollId();
    }

    public BallotSubject subject() {
        return subject;
    }

    public String themeId() {
        return themeId;
    }

    public boolean isOpen() {
        return poll.isOpen();
    }

    /** The options the participant has voted for, in the order cast. */
    public List<String> votesOf(String participantId) {
        return poll.votesOf(participantId);
    }

    // ---- decisions (the caller has checked that the ballot is open and the participant may act)

    BallotVoteCast cast(CastBallotVote c) {
        poll.checkCast(
                c.participantId(),
                c.optionId(),
                Poll.Terms.OPTIONS,
                () -> new RuleViolation(
                        Poll.Terms.OPTIONS.notOfferedRule(),
                        "option '" + c.optionId() + "' is not on ballot '" + ballotId() + "'; only the " + subject
                                + " of theme '" + themeId + "' as they stood when it opened"));
        return new BallotVoteCast(c.programmeId(), ballotId(), c.participantId(), c.optionId());
    }

    BallotVoteWithdrawn withdraw(WithdrawBallotVote c) {
        poll.checkWithdraw(c.participantId(), c.optionId(), Poll.Terms.OPTIONS);
        return new BallotVoteWithdrawn(c.programmeId(), ballotId(), c.participantId(), c.optionId());
    }

    /** BallotClosed, then one RootCauseChosen or IdeaChosen per chosen option, in rank order. */
    List<Object> close(CloseBallot c) {
        Ranking.Result result = poll.count();
        List<RankedOption> ranking = result.ranking().stream().map(this::ranked).toList();
        List<RankedOption> chosen = result.chosen().stream().map(this::ranked).toList();
        List<Object> events = new ArrayList<>();
        events.add(new BallotClosed(
                c.programmeId(),
                ballotId(),
                subject,
                themeId,
                ranking,
                chosen.stream().map(RankedOption::optionId).toList(),
                result.tieAtCutoff()));
        for (RankedOption r : chosen) {
            events.add(
                    subject == BallotSubject.ROOT_CAUSES
                            ? new RootCauseChosen(
                                    c.programmeId(), themeId, r.optionId(), ballotId(), r.rank(), r.votes())
                            : new IdeaChosen(c.programmeId(), themeId, r.optionId(), ballotId(), r.rank(), r.votes()));
        }
        return events;
    }

    private RankedOption ranked(Ranking.Place p) {
        BallotOption o = options.get(p.index());
        return new RankedOption(o.optionId(), o.label(), p.votes(), p.rank());
    }

    // ---- evolution

    void evolve(BallotVoteCast e) {
        poll.cast(e.participantId(), e.optionId());
    }

    void evolve(BallotVoteWithdrawn e) {
        poll.withdraw(e.participantId(), e.optionId());
    }

    void evolve(BallotClosed e) {
        poll.close();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ballot b
                && poll.equals(b.poll)
                && subject == b.subject
                && themeId.equals(b.themeId)
                && options.equals(b.options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(poll, subject, themeId, options);
    }
}
