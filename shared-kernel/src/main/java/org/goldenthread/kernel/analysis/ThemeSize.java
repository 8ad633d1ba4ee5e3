package org.goldenthread.kernel.analysis;

/**
 * One theme as a vote found it: its cycle, the vote, its title and how many statements it held then. The count is a
 * number here; views for analysts show small counts suppressed ({@link SmallCells}).
 */
public record ThemeSize(int cycle, String votingId, String themeId, String title, int statements) {}
