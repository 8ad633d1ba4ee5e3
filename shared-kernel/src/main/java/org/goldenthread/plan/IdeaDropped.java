package org.goldenthread.plan;

public record IdeaDropped(String programmeId, String ideaId, String themeId, String reason) {
}
