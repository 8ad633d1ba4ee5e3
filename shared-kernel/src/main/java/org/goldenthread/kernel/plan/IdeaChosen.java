package org.goldenthread.kernel.plan;

/** An idea chosen by the vote (top three per theme). */
public record IdeaChosen(String programmeId, String themeId, String ideaId, String ballotId, int rank, int votes) {}
