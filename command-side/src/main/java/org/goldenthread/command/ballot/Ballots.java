package org.goldenthread.command.ballot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.goldenthread.command.vote.Poll;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.ballot.*;

/**
 * The ballots of a programme (steps 4 and 6). One ballot at a time is open per subject and theme; ballots
 * on different themes (the mixed groups work in parallel) or subjects may be open together.
 */
public final class Ballots {

    private final Map<String, Ballot> ballots = new LinkedHashMap<>();

    public Optional<Ballot> ballot(String ballotId) {
        return Optional.ofNullable(ballots.get(ballotId));
    }

    public boolean anyOpen() {
        return ballots.values().stream().anyMatch(Ballot::isOpen);
    }

    // ---- decisions

    /**
     * {@code options}: the root causes given for the theme, or its ideas not dropped, in the order they came
     * (the caller has checked that the theme is prioritised).
     */
    public List<Object> open(OpenBallot c, List<BallotOption> options) {
        Optional<Ballot> open = ballots.values().stream()
                .filter(b ->
                        b.isOpen() && b.subject() == c.subject() && b.themeId().equals(c.themeId()))
                .findFirst();
        if (open.isPresent()) {
            throw new RuleViolation(
                    "one-open-ballot",
                    "one " + c.subject() + " ballot at a time per theme: ballot '"
                            + open.get().ballotId() + "' on theme '" + c.themeId() + "' is still open");
        }
        Poll.requireUnused(ballots, c.ballotId(), Poll.Terms.OPTIONS);
        if (options.isEmpty()) {
            throw new RuleViolation(
                    "options-to-vote-on",
                    "a " + c.subject() + " ballot needs at least one "
                            + (c.subject() == BallotSubject.ROOT_CAUSES ? "cause given" : "idea (not dropped)")
                            + " for theme '" + c.themeId() + "'");
        }
        return List.of(new BallotOpened(
                c.programmeId(),
                c.ballotId(),
                c.subject(),
                c.themeId(),
                c.votesPerParticipant(),
                c.selectTop(),
                List.copyOf(options)));
    }

    /** The ballot exists and is open. */
    public Ballot requireOpen(String ballotId) {
        return Poll.requireOpen(ballots, ballotId, Poll.Terms.OPTIONS);
    }

    /** Call after {@link #requireOpen} and the participant checks. */
    public List<Object> cast(CastBallotVote c) {
        return List.of(requireOpen(c.ballotId()).cast(c));
    }

    public List<Object> withdraw(WithdrawBallotVote c) {
        return List.of(requireOpen(c.ballotId()).withdraw(c));
    }

    public List<Object> close(CloseBallot c) {
        return requireOpen(c.ballotId()).close(c);
    }

    // ---- evolution

    public void evolve(BallotOpened e) {
        ballots.put(e.ballotId(), new Ballot(e));
    }

    public void evolve(BallotVoteCast e) {
        ballots.get(e.ballotId()).evolve(e);
    }

    public void evolve(BallotVoteWithdrawn e) {
        ballots.get(e.ballotId()).evolve(e);
    }

    public void evolve(BallotClosed e) {
        ballots.get(e.ballotId()).evolve(e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ballots b && List.copyOf(ballots.values()).equals(List.copyOf(b.ballots.values()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(ballots);
    }
}
