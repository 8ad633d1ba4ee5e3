package org.goldenthread.kernel.progress;

/** Programme progress across the method's 8 steps. Answered with a {@link ProgressView}. */
public record FindProgress(String programmeId) {}
