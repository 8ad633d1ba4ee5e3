package org.goldenthread.kernel.analysis;

/**
 * Small-cell suppression, the one place it is decided: a count of 1 to {@code threshold - 1} is shown as
 * {@code "<threshold"} (so a handful of people cannot be singled out by a count); 0 and larger counts as they are.
 */
public record SmallCells(int threshold) {

    public SmallCells {
        if (threshold < 1) {
            throw new IllegalArgumentException("the small-cell threshold is at least 1");
        }
    }

    public String count(long n) {
        return n > 0 && n < threshold ? "<" + threshold : Long.toString(n);
    }
}
