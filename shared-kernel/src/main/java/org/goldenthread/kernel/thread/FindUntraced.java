package org.goldenthread.kernel.thread;

/**
 * Measures, ideas, action plans and KPIs that reach no statement going back. Answered with a list of
 * {@link UntracedItem}.
 */
public record FindUntraced(String programmeId) {}
