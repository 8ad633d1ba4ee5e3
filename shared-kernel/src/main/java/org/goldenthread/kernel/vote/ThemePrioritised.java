package org.goldenthread.kernel.vote;

import org.axonframework.serialization.Revision;

/** A NOT_WORKING theme went forward as a priority (a link in the golden thread). */
@Revision("1")
public record ThemePrioritised(String programmeId, String themeId, String votingId, int rank, int votes) {}
