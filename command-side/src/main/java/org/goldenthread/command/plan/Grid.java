package org.goldenthread.command.plan;

import java.util.Collection;
import java.util.List;
import org.goldenthread.kernel.plan.*;

/**
 * Step 6's effort (x) / impact (y) grid: an idea's position is the median of the participants' current
 * placements on each axis (the mean of the two middle values for an even count), its spread the range
 * (max − min) on each axis, its quadrant {@link Quadrant#of} the medians.
 */
public final class Grid {

    public record Placement(int effort, int impact) {}

    public record Position(
            double medianEffort, double medianImpact, int effortSpread, int impactSpread, Quadrant quadrant) {}

    private Grid() {}

    /** {@code placements}: at least one. */
    public static Position position(Collection<Placement> placements) {
        List<Integer> efforts =
                placements.stream().map(Placement::effort).sorted().toList();
        List<Integer> impacts =
                placements.stream().map(Placement::impact).sorted().toList();
        double effort = median(efforts);
        double impact = median(impacts);
        return new Position(effort, impact, spread(efforts), spread(impacts), Quadrant.of(effort, impact));
    }

    static double median(List<Integer> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static int spread(List<Integer> sorted) {
        return sorted.get(sorted.size() - 1) - sorted.get(0);
    }
}
