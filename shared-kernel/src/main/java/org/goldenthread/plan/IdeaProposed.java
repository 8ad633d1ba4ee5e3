package org.goldenthread.plan;

import java.util.List;

public record IdeaProposed(String programmeId, String ideaId, String themeId, IdeaMode mode, String text,
                           List<String> rootCauseIds) {
}
