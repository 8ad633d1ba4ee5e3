package org.goldenthread.kernel.plan;

import org.axonframework.serialization.Revision;

@Revision("1")
public record IdeaDropped(String programmeId, String ideaId, String themeId, String reason) {}
