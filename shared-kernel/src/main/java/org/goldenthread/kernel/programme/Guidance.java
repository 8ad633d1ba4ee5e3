package org.goldenthread.kernel.programme;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.goldenthread.kernel.Perspective;

/**
 * The method's guidance for step 1, as advisories (never blocks): sample size by level, and workshop
 * attendance (optimum 25–30; people/carers/families, commissioners and providers in roughly equal numbers).
 */
public final class Guidance {

    public static final int ATTENDANCE_MIN = 25;
    public static final int ATTENDANCE_MAX = 30;
    /** The largest of the three main groups may be at most this many times the smallest to count as "roughly equal". */
    public static final double BALANCE_RATIO = 1.5;

    private Guidance() {}

    /** Sample adequacy of a plan for the level, and of the reviews actually recorded against the plan. */
    public static List<Advisory> sample(Level level, SamplePlan plan, int reviewsRecorded) {
        List<Advisory> out = new ArrayList<>();
        if (plan == null) {
            out.add(new Advisory("sample", false, "No sample plan recorded yet"));
            return out;
        }
        int q = plan.quantity();
        int n = plan.populationSize();
        switch (level) {
            case UNIT -> {
                boolean large = n > 20;
                boolean ok = large ? q * 2 >= n : q >= n;
                out.add(new Advisory(
                        "sample",
                        ok,
                        ok
                                ? "Sample meets UNIT guidance (everyone, or at least half of a large unit)"
                                : "UNIT guidance: include everyone"
                                        + (large
                                                ? ", or at least 50% of a large unit (" + ceilDiv(n, 2) + " of " + n
                                                        + ")"
                                                : " (" + n + ")")
                                        + "; plan has " + q));
            }
            case PROVIDER -> {
                boolean ok = q >= Math.min(15, n) && q * 5 >= n;
                out.add(new Advisory(
                        "sample",
                        ok,
                        ok
                                ? "Sample meets PROVIDER guidance (a proportionate cross-section)"
                                : "PROVIDER guidance: a cross-section proportionate per service type; the "
                                        + "smallest seen was 15 reviews (20%); plan has " + q + " of " + n));
            }
            case SERVICE -> {
                int needed = Math.min(ceilDiv(n, 10), 100);
                boolean ok = q >= needed;
                out.add(new Advisory(
                        "sample",
                        ok,
                        ok
                                ? "Sample meets SERVICE guidance (at least 10% or 100 reviews, whichever is lower)"
                                : "SERVICE guidance: at least 10% or 100 reviews, whichever is lower (" + needed
                                        + "); plan has " + q));
            }
            case POPULATION -> {
                boolean ok = q <= 100;
                out.add(new Advisory(
                        "sample",
                        ok,
                        ok
                                ? "Sample meets POPULATION guidance (a broad mix, at most 100 subjects)"
                                : "POPULATION guidance: a broad mix of at most 100 subjects; plan has " + q));
            }
        }
        boolean collected = reviewsRecorded >= q;
        out.add(new Advisory("collection", collected, reviewsRecorded + " of " + q + " planned reviews recorded"));
        return out;
    }

    /** Attendance size and balance of the registered participants. */
    public static List<Advisory> attendance(Collection<Perspective> perspectives) {
        List<Advisory> out = new ArrayList<>();
        int total = perspectives.size();
        boolean sized = total >= ATTENDANCE_MIN && total <= ATTENDANCE_MAX;
        out.add(new Advisory(
                "attendance",
                sized,
                sized
                        ? total + " participants, within the optimum of " + ATTENDANCE_MIN + "–" + ATTENDANCE_MAX
                        : total + " participants; the optimum is " + ATTENDANCE_MIN + "–" + ATTENDANCE_MAX));
        long people = perspectives.stream()
                .filter(p -> p == Perspective.PERSON || p == Perspective.CARER_FAMILY)
                .count();
        long commissioners =
                perspectives.stream().filter(p -> p == Perspective.COMMISSIONER).count();
        long providers =
                perspectives.stream().filter(p -> p == Perspective.PROVIDER).count();
        long min = Math.min(people, Math.min(commissioners, providers));
        long max = Math.max(people, Math.max(commissioners, providers));
        boolean balanced = min > 0 && max <= BALANCE_RATIO * min;
        out.add(new Advisory(
                "balance",
                balanced,
                "people/carers/families " + people + ", commissioners " + commissioners + ", providers " + providers
                        + (balanced ? ": roughly equal" : ": the method asks for roughly equal numbers")));
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
