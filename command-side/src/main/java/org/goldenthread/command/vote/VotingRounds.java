package org.goldenthread.command.vote;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.vote.*;

/**
 * The voting rounds of a programme; only one is open at a time. A theme is prioritised when a round
 * closed with it going forward in the current cycle; a new cycle starts with no theme prioritised.
 */
public final class VotingRounds {

    private final Map<String, VotingRound> rounds = new LinkedHashMap<>();
    private final Set<String> prioritised = new LinkedHashSet<>();

    public Optional<VotingRound> round(String votingId) {
        return Optional.ofNullable(rounds.get(votingId));
    }

    public Optional<VotingRound> openRound() {
        return rounds.values().stream().filter(VotingRound::isOpen).findFirst();
    }

    public boolean isPrioritised(String themeId) {
        return prioritised.contains(themeId);
    }

    /**
     * Steps 4–6 work on the prioritised themes only: the theme must exist ({@code themeExists}) and have
     * gone forward from a vote of the current cycle.
     */
    public void requirePrioritised(String themeId, Predicate<String> themeExists) {
        if (!themeExists.test(themeId)) {
            throw new UnknownReference("theme", themeId);
        }
        if (!prioritised.contains(themeId)) {
            throw new RuleViolation(
                    "prioritised-theme",
                    "theme '" + themeId + "' is not a prioritised theme of this cycle; only the themes the vote put "
                            + "forward are worked on");
        }
    }

    // ---- decisions

    /** {@code themes}: the active NOT_WORKING themes with at least one statement, in creation order. */
    public List<Object> open(OpenVoting c, List<ThemeAtOpening> themes) {
        Optional<VotingRound> open = openRound();
        if (open.isPresent()) {
            throw new RuleViolation(
                    "one-open-round",
                    "one voting round at a time: round '" + open.get().votingId() + "' is still open");
        }
        Poll.requireUnused(rounds, c.votingId(), Poll.Terms.THEMES);
        if (themes.isEmpty()) {
            throw new RuleViolation(
                    "themes-to-vote-on", "voting needs at least one NOT_WORKING theme with a statement in it");
        }
        return List.of(new VotingOpened(
                c.programmeId(), c.votingId(), c.votesPerParticipant(), c.selectTop(), List.copyOf(themes)));
    }

    /** The round exists and is open. */
    public VotingRound requireOpen(String votingId) {
        return Poll.requireOpen(rounds, votingId, Poll.Terms.THEMES);
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

    public void evolve(ThemePrioritised e) {
        prioritised.add(e.themeId());
    }

    public void evolve(CycleStarted e) {
        prioritised.clear();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VotingRounds r && rounds.equals(r.rounds) && prioritised.equals(r.prioritised);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rounds, prioritised);
    }
}
