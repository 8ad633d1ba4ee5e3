package org.goldenthread.kernel.vote;

/** Standard competition ranking: equal votes share a rank (1, 2, 2, 4 …). */
public record RankedTheme(String themeId, String title, int votes, int rank) {}
