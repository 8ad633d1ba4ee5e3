package org.goldenthread.kernel.align;

/** One alignment with its cover: an {@link AlignmentView}, or null when unknown. */
public record FindAlignment(String alignmentId) {}
