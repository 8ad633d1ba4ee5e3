package org.goldenthread.kernel.plan;

public record IdeaDropped(String programmeId, String ideaId, String themeId, String reason) {}
