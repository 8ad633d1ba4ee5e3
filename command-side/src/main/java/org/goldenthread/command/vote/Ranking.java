package org.goldenthread.command.vote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.goldenthread.kernel.vote.*;

/**
 * How every vote of the method is counted: options ranked by votes (most first), equal votes in the order
 * the options were offered; standard competition ranking (equal votes share a rank, the next rank skips);
 * the options ranked within {@code selectTop} with at least one vote are chosen, so every option tied at
 * the cut-off is chosen too. Used by the theme vote (step 3) and the ballots (steps 4 and 6).
 */
public final class Ranking {

    /** The option at {@code index} (in the order offered) with its votes and rank. */
    public record Place(int index, int votes, int rank) {}

    /** The ranking, and the places chosen (in rank order). */
    public record Result(List<Place> ranking, List<Place> chosen, boolean tieAtCutoff) {}

    private Ranking() {}

    /** {@code votes[i]}: the votes of the i-th option offered. */
    public static Result of(int[] votes, int selectTop) {
        List<Integer> order = IntStream.range(0, votes.length)
                .boxed()
                .sorted(Comparator.<Integer>comparingInt(i -> votes[i])
                        .reversed()
                        .thenComparingInt(i -> i))
                .toList();
        List<Place> ranking = new ArrayList<>();
        for (int pos = 0; pos < order.size(); pos++) {
            int i = order.get(pos);
            int rank = pos > 0 && votes[order.get(pos - 1)] == votes[i]
                    ? ranking.get(pos - 1).rank()
                    : pos + 1;
            ranking.add(new Place(i, votes[i], rank));
        }
        List<Place> chosen = ranking.stream()
                .filter(p -> p.rank() <= selectTop && p.votes() > 0)
                .toList();
        return new Result(List.copyOf(ranking), chosen, chosen.size() > selectTop);
    }
}
