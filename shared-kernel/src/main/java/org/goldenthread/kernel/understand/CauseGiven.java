package org.goldenthread.kernel.understand;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Perspective;

@Revision("1")
public record CauseGiven(
        String programmeId, String causeId, String whyId, String themeId, String text, Perspective perspective) {}
