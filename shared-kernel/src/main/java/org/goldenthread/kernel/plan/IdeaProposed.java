package org.goldenthread.kernel.plan;

import java.util.List;
import org.goldenthread.kernel.Lists;

public record IdeaProposed(
        String programmeId, String ideaId, String themeId, IdeaMode mode, String text, List<String> rootCauseIds) {
    public IdeaProposed {
        rootCauseIds = Lists.normal(rootCauseIds);
    }
}
