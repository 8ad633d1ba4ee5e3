package org.goldenthread.kernel.plan;

/**
 * The effort (x) / impact (y) grid, on a 1–10 scale split at 5.5: low effort + high impact = QUICK_WIN,
 * high effort + high impact = MAJOR_PROJECT, low effort + low impact = FILL_IN, high effort + low impact
 * = THANKLESS_TASK (usually dropped).
 */
public enum Quadrant {
    QUICK_WIN,
    MAJOR_PROJECT,
    FILL_IN,
    THANKLESS_TASK;

    public static final int MIN = 1;
    public static final int MAX = 10;
    public static final double MIDPOINT = 5.5;

    public static Quadrant of(double effort, double impact) {
        boolean highEffort = effort >= MIDPOINT;
        boolean highImpact = impact >= MIDPOINT;
        if (highImpact) {
            return highEffort ? MAJOR_PROJECT : QUICK_WIN;
        }
        return highEffort ? THANKLESS_TASK : FILL_IN;
    }
}
