package org.goldenthread.kernel.understand;

import org.axonframework.serialization.Revision;

/** A cause chosen as a root cause of a theme by the vote (biggest impact, within the room's power). */
@Revision("1")
public record RootCauseChosen(
        String programmeId, String themeId, String causeId, String ballotId, int rank, int votes) {}
