package org.goldenthread.kernel.learn;

/**
 * The process reviews of one cycle ({@code cycle} null: every cycle). Answered with a list of {@link
 * ProcessReviewView}.
 */
public record FindProcessReviews(String programmeId, Integer cycle) {}
