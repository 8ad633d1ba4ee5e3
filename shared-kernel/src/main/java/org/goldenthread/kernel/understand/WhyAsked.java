package org.goldenthread.kernel.understand;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Perspective;

/** {@code causeId} is the cause questioned again, or null when the theme itself was questioned. */
@Revision("1")
public record WhyAsked(
        String programmeId, String whyId, String themeId, String causeId, String question, Perspective perspective) {}
