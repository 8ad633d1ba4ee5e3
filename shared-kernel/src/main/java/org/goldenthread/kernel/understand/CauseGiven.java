package org.goldenthread.kernel.understand;

import org.goldenthread.kernel.Perspective;

public record CauseGiven(
        String programmeId, String causeId, String whyId, String themeId, String text, Perspective perspective) {}
