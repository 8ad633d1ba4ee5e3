package org.goldenthread.command.vote;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.vote.*;

/**
 * Step 3's vote: each participant votes for their highest-priority NOT_WORKING themes, as the themes stood when the
 * round opened; counted by the method's one vote rule ({@link Poll}: {@code votesPerParticipant} votes for distinct
 * themes, the top {@code selectTop} with at least one vote go forward, every theme tied at the cut-off too). This
 * class says what is voted on and which events record it.
 */
public final class VotingRound implements Poll.Subject {

    private final Poll poll;
    private final List<ThemeAtOpening> themes;

    VotingRound(VotingOpened e) {
        this(e.votingId(), e.votesPerParticipant(), e.selectTop(), e.themes());
    }

    VotingRound(String votingId, int votesPerParticipant, int selectTop, List<ThemeAtOpening> themes) {
        this(
                new Poll(
                        votingId,
                        votesPerParticipant,
                        selectTop,
                        themes.stream().map(ThemeAtOpening::themeId).toList()),
                themes);
    }

    /** The round from its count and its themes (also how a snapshot of the programme restores it). */
    VotingRound(Poll poll, List<ThemeAtOpening> themes) {
        this.poll = poll;
        this.themes = List.copyOf(themes);
    }

    @Override
    public Poll poll() {
        return poll;
    }

    public String votingId() {
        return poll.pollId();
    }

    public boolean isOpen() {
        return poll.isOpen();
    }

    public List<ThemeAtOpening> themes() {
        return themes;
    }

    /** The themes the participant has voted for, in the order cast. */
    public List<String> votesOf(String participantId) {
        return poll.votesOf(participantId);
    }

    // ---- decisions (the caller has checked that the round is open and the participant may act)

    VoteCast cast(CastVote c, Predicate<String> themeExists) {
        poll.checkCast(
                c.participantId(),
                c.themeId(),
                Poll.Terms.THEMES,
                () -> themeExists.test(c.themeId())
                        ? new RuleViolation(
                                Poll.Terms.THEMES.notOfferedRule(),
                                "only the NOT_WORKING themes on the board when voting '" + votingId()
                                        + "' opened can be voted for; theme '" + c.themeId() + "' was not among them")
                        : new UnknownReference("theme", c.themeId()));
        return new VoteCast(c.programmeId(), votingId(), c.participantId(), c.themeId());
    }

    VoteWithdrawn withdraw(WithdrawVote c) {
        poll.checkWithdraw(c.participantId(), c.themeId(), Poll.Terms.THEMES);
        return new VoteWithdrawn(c.programmeId(), votingId(), c.participantId(), c.themeId());
    }

    /** VotingClosed, then one ThemePrioritised per theme that goes forward, in rank order. */
    List<Object> close(CloseVoting c) {
        Ranking.Result result = poll.count();
        List<RankedTheme> ranking = result.ranking().stream().map(this::ranked).toList();
        List<RankedTheme> forward = result.chosen().stream().map(this::ranked).toList();
        List<Object> events = new ArrayList<>();
        events.add(new VotingClosed(
                c.programmeId(),
                votingId(),
                ranking,
                forward.stream().map(RankedTheme::themeId).toList(),
                result.tieAtCutoff()));
        for (RankedTheme r : forward) {
            events.add(new ThemePrioritised(c.programmeId(), r.themeId(), votingId(), r.rank(), r.votes()));
        }
        return events;
    }

    private RankedTheme ranked(Ranking.Place p) {
        ThemeAtOpening t = themes.get(p.index());
        return new RankedTheme(t.themeId(), t.title(), p.votes(), p.rank());
    }

    // ---- evolution

    void evolve(VoteCast e) {
        poll.cast(e.participantId(), e.themeId());
    }

    void evolve(VoteWithdrawn e) {
        poll.withdraw(e.participantId(), e.themeId());
    }

    void evolve(VotingClosed e) {
        poll.close();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VotingRound r && poll.equals(r.poll) && themes.equals(r.themes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(poll, themes);
    }
}
