package org.goldenthread.kernel.plan;

import org.axonframework.serialization.Revision;

/** An idea chosen by the vote (top three per theme). */
@Revision("1")
public record IdeaChosen(String programmeId, String themeId, String ideaId, String ballotId, int rank, int votes) {}
