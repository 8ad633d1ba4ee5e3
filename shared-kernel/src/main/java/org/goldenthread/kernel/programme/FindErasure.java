package org.goldenthread.kernel.programme;

/** Answered with an {@link ErasureView}, or null when the person's erasure was never asked for. */
public record FindErasure(String programmeId, String person) {}
