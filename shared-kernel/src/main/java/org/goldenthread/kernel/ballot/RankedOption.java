package org.goldenthread.kernel.ballot;

/** Standard competition ranking: equal votes share a rank. */
public record RankedOption(String optionId, String label, int votes, int rank) {}
