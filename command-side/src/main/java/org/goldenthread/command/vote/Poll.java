package org.goldenthread.command.vote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;

/**
 * The method's one vote, whatever is voted on — the NOT_WORKING themes (step 3), a theme's root causes (step 4) or
 * its ideas (step 6): each participant has {@code votesPerParticipant} votes, for distinct options among those
 * offered when the vote opened, and may withdraw their own while it is open; at close the options are ranked
 * ({@link Ranking}) and the top {@code selectTop} with at least one vote are chosen. {@link VotingRound} and
 * {@code Ballot} say what the options are and which events record the vote; the rule itself lives here.
 */
public final class Poll {

    /** How a kind of vote names itself and its options in refusals (rule ids are part of the API). */
    public record Terms(String vote, String closedRule, String option, String distinctRule, String notOfferedRule) {

        /** Step 3's voting round on themes. */
        public static final Terms THEMES =
                new Terms("voting", "round-open", "theme", "distinct-themes", "theme-in-round");

        /** Steps 4 and 6: a ballot on root causes or ideas. */
        public static final Terms OPTIONS =
                new Terms("ballot", "ballot-open", "option", "distinct-options", "option-on-ballot");
    }

    private final String pollId;
    private final int votesPerParticipant;
    private final int selectTop;
    private final List<String> optionIds;
    private final Map<String, List<String>> votes = new LinkedHashMap<>();
    private boolean open = true;

    /** The vote as it opened (also how a snapshot of the programme restores it). */
    public Poll(String pollId, int votesPerParticipant, int selectTop, List<String> optionIds) {
        this.pollId = pollId;
        this.votesPerParticipant = votesPerParticipant;
        this.selectTop = selectTop;
        this.optionIds = List.copyOf(optionIds);
    }

    public String pollId() {
        return pollId;
    }

    public boolean isOpen() {
        return open;
    }

    /** The options the participant has voted for, in the order cast. */
    public List<String> votesOf(String participantId) {
        return List.copyOf(votes.getOrDefault(participantId, List.of()));
    }

    /** A vote of one subject: what is offered, and the {@link Poll} that counts it. */
    public interface Subject {
        Poll poll();
    }

    /** The vote with this id exists among {@code polls} and is open. */
    public static <P extends Subject> P requireOpen(Map<String, P> polls, String pollId, Terms terms) {
        P poll = polls.get(pollId);
        if (poll == null) {
            throw new UnknownReference(terms.vote(), pollId);
        }
        if (!poll.poll().isOpen()) {
            throw new RuleViolation(terms.closedRule(), terms.vote() + " '" + pollId + "' is closed");
        }
        return poll;
    }

    /** A new vote's id is not used by an earlier one among {@code polls}. */
    public static void requireUnused(Map<String, ?> polls, String pollId, Terms terms) {
        if (polls.containsKey(pollId)) {
            throw new RuleViolation("ids-unique", terms.vote() + " id '" + pollId + "' is already used");
        }
    }

    // ---- decisions (the caller has checked that the participant may act)

    /**
     * The participant may cast a vote for the option: it was offered ({@code notOffered} says why not), they have
     * not voted for it yet, and they have a vote left.
     */
    public void checkCast(String participantId, String optionId, Terms terms, Supplier<RuntimeException> notOffered) {
        if (!optionIds.contains(optionId)) {
            throw notOffered.get();
        }
        List<String> mine = votesOf(participantId);
        if (mine.contains(optionId)) {
            throw new RuleViolation(
                    terms.distinctRule(),
                    "each of a participant's votes goes to a different " + terms.option() + "; " + terms.option() + " '"
                            + optionId + "' already has their vote");
        }
        if (mine.size() >= votesPerParticipant) {
            throw new RuleViolation(
                    "votes-per-participant",
                    "each participant has " + votesPerParticipant + " votes; withdraw one before casting another");
        }
    }

    /** The participant may withdraw only a vote they cast. */
    public void checkWithdraw(String participantId, String optionId, Terms terms) {
        if (!votesOf(participantId).contains(optionId)) {
            throw new RuleViolation(
                    "no-such-vote",
                    "participant '" + participantId + "' has no vote for " + terms.option() + " '" + optionId
                            + "' to withdraw");
        }
    }

    /** The options ranked by their votes (indexes in the order offered) and the ones chosen. */
    public Ranking.Result count() {
        int[] counts = new int[optionIds.size()];
        for (List<String> cast : votes.values()) {
            for (String optionId : cast) {
                counts[optionIds.indexOf(optionId)]++;
            }
        }
        return Ranking.of(counts, selectTop);
    }

    // ---- evolution

    public void cast(String participantId, String optionId) {
        votes.computeIfAbsent(participantId, p -> new ArrayList<>()).add(optionId);
    }

    public void withdraw(String participantId, String optionId) {
        List<String> mine = votes.get(participantId);
        mine.remove(optionId);
        if (mine.isEmpty()) {
            votes.remove(participantId);
        }
    }

    public void close() {
        open = false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Poll p
                && pollId.equals(p.pollId)
                && votesPerParticipant == p.votesPerParticipant
                && selectTop == p.selectTop
                && optionIds.equals(p.optionIds)
                && votes.equals(p.votes)
                && open == p.open;
    }

    @Override
    public int hashCode() {
        return Objects.hash(pollId, votesPerParticipant, selectTop, optionIds, votes, open);
    }
}
