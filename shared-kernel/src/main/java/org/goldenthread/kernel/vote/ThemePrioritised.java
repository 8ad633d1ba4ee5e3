package org.goldenthread.kernel.vote;

/** A NOT_WORKING theme went forward as a priority (a link in the golden thread). */
public record ThemePrioritised(String programmeId, String themeId, String votingId, int rank, int votes) {}
