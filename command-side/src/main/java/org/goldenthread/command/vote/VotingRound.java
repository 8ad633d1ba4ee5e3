package org.goldenthread.command.vote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.vote.*;

/**
 * Step 3's vote: each participant votes for their highest-priority NOT_WORKING themes, as the themes
 * stood when the round opened ({@code votesPerParticipant} votes, for distinct themes); at close the
 * themes are ranked (standard competition ranking, ties in opening order) and the top {@code selectTop}
 * with at least one vote go forward — every theme tied at the cut-off goes forward too.
 */
public final class VotingRound {

    private final String votingId;
    private final int votesPerParticipant;
    private final int selectTop;
    private final List<ThemeAtOpening> themes;
    private final Map<String, List<String>> votes = new LinkedHashMap<>();
    private boolean open = true;

    VotingRound(VotingOpened e) {
        this(e.votingId(), e.votesPerParticipant(), e.selectTop(), e.themes());
    }

    /** The round as it opened (also how a snapshot of the programme restores it). */
    VotingRound(String votingId, int votesPerParticipant, int selectTop, List<ThemeAtOpening> themes) {
        this.votingId = votingId;
        this.votesPerParticipant = votesPerParticipant;
        this.selectTop = selectTop;
        this.themes = List.copyOf(themes);
    }

    public String votingId() {
        return votingId;
    }

    public boolean isOpen() {
        return open;
    }

    public List<ThemeAtOpening> themes() {
        return themes;
    }

    /** The themes the participant has voted for, in the order cast. */
    public List<String> votesOf(String participantId) {
        return List.copyOf(votes.getOrDefault(participantId, List.of()));
    }

    // ---- decisions (the caller has checked that the round is open and the participant may act)

    VoteCast cast(CastVote c, Predicate<String> themeExists) {
        if (themes.stream().noneMatch(t -> t.themeId().equals(c.themeId()))) {
            if (!themeExists.test(c.themeId())) {
                throw new UnknownReference("theme", c.themeId());
            }
            throw new RuleViolation(
                    "theme-in-round",
                    "only the NOT_WORKING themes on the board when voting '" + votingId
                            + "' opened can be voted for; theme '" + c.themeId() + "' was not among them");
        }
        List<String> mine = votesOf(c.participantId());
        if (mine.contains(c.themeId())) {
            throw new RuleViolation(
                    "distinct-themes",
                    "each of a participant's votes goes to a different theme; theme '" + c.themeId()
                            + "' already has their vote");
        }
        if (mine.size() >= votesPerParticipant) {
            throw new RuleViolation(
                    "votes-per-participant",
                    "each participant has " + votesPerParticipant + " votes; withdraw one before casting another");
        }
        return new VoteCast(c.programmeId(), votingId, c.participantId(), c.themeId());
    }

    VoteWithdrawn withdraw(WithdrawVote c) {
        if (!votesOf(c.participantId()).contains(c.themeId())) {
            throw new RuleViolation(
                    "no-such-vote",
                    "participant '" + c.participantId() + "' has no vote for theme '" + c.themeId() + "' to withdraw");
        }
        return new VoteWithdrawn(c.programmeId(), votingId, c.participantId(), c.themeId());
    }

    List<Object> close(CloseVoting c) {
        int[] counts = new int[themes.size()];
        for (List<String> cast : votes.values()) {
            for (String themeId : cast) {
                counts[indexOf(themeId)]++;
            }
        }
        Ranking.Result result = Ranking.of(counts, selectTop);
        List<RankedTheme> ranking = result.ranking().stream().map(this::ranked).toList();
        List<RankedTheme> forward = result.chosen().stream().map(this::ranked).toList();
        List<Object> events = new ArrayList<>();
        events.add(new VotingClosed(
                c.programmeId(),
                votingId,
                ranking,
                forward.stream().map(RankedTheme::themeId).toList(),
                result.tieAtCutoff()));
        for (RankedTheme r : forward) {
            events.add(new ThemePrioritised(c.programmeId(), r.themeId(), votingId, r.rank(), r.votes()));
        }
        return events;
    }

    private RankedTheme ranked(Ranking.Place p) {
        ThemeAtOpening t = themes.get(p.index());
        return new RankedTheme(t.themeId(), t.title(), p.votes(), p.rank());
    }

    private int indexOf(String themeId) {
        for (int i = 0; i < themes.size(); i++) {
            if (themes.get(i).themeId().equals(themeId)) {
                return i;
            }
        }
        throw new IllegalStateException("vote for a theme not in round " + votingId + ": " + themeId);
    }

    // ---- evolution

    void evolve(VoteCast e) {
        votes.computeIfAbsent(e.participantId(), p -> new ArrayList<>()).add(e.themeId());
    }

    void evolve(VoteWithdrawn e) {
        List<String> mine = votes.get(e.participantId());
        mine.remove(e.themeId());
        if (mine.isEmpty()) {
            votes.remove(e.participantId());
        }
    }

    void evolve(VotingClosed e) {
        open = false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VotingRound r
                && votingId.equals(r.votingId)
                && votesPerParticipant == r.votesPerParticipant
                && selectTop == r.selectTop
                && themes.equals(r.themes)
                && votes.equals(r.votes)
                && open == r.open;
    }

    @Override
    public int hashCode() {
        return Objects.hash(votingId, votesPerParticipant, selectTop, themes, votes, open);
    }
}
