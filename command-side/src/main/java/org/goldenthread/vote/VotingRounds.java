package org.goldenthread.vote;

import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** The voting rounds of a programme; only one is open at a time. */
public final class VotingRounds {

    private final Map<String, VotingRound> rounds = new LinkedHashMap<>();

    public Optional<VotingRound> round(String votingId) {
        return Optional.ofNullable(rounds.get(votingId));
    }

    public Optional<VotingRound> openRound() {
        return rounds.values().stream().filter(VotingRound::isOpen).findFirst();
    }

    // ---- decisions

    /** {@code themes}: the active NOT_WORKING themes with at least one statement, in creation order. */
    public List<Object> open(OpenVoting c, List<ThemeAtOpening> themes) {
        Optional<VotingRound> open = openRound();
        if (open.isPresent()) {
            throw new RuleViolation("one-open-round", "one voting round at a time: round '"
                    + open.get().votingId() + "' is still open");
        }
        if (rounds.containsKey(c.votingId())) {
            throw new RuleViolation("ids-unique", "voting id '" + c.votingId() + "' is already used");
        }
        if (themes.isEmpty()) {
            throw new RuleViolation("themes-to-vote-on",
                    "voting needs at least one NOT_WORKING theme with a statement in it");
        }
        return List.of(new VotingOpened(c.programmeId(), c.votingId(), c.votesPerParticipant(), c.selectTop(),
                List.copyOf(themes)));
    }

    /** The round exists and is open. */
    public VotingRound requireOpen(String votingId) {
        VotingRound round = rounds.get(votingId);
        if (round == null) {
            throw new UnknownReference("voting", votingId);
        }
        if (!round.isOpen()) {
            throw new RuleViolation("round-open", "voting '" + votingId + "' is closed");
        }
        return round;
    }

    /** Call after {@link #requireOpen} and the participant checks. */
    public List<Object> cast(CastVote c, Predicate<String> themeExists) {
        return List.of(requireOpen(c.votingId()).cast(c, themeExists));
    }

    public List<Object> withdraw(WithdrawVote c) {
        return List.of(requireOpen(c.votingId()).withdraw(c));
    }

    public List<Object> close(CloseVoting c) {
        return requireOpen(c.votingId()).close(c);
    }

    // ---- evolution

    public void evolve(VotingOpened e) {
        rounds.put(e.votingId(), new VotingRound(e));
    }

    public void evolve(VoteCast e) {
        rounds.get(e.votingId()).evolve(e);
    }

    public void evolve(VoteWithdrawn e) {
        rounds.get(e.votingId()).evolve(e);
    }

    public void evolve(VotingClosed e) {
        rounds.get(e.votingId()).evolve(e);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VotingRounds r && rounds.equals(r.rounds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rounds);
    }
}
