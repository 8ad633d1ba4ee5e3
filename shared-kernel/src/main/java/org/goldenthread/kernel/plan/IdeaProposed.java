package org.goldenthread.kernel.plan;


import org.goldenthread.kernel.Lists;
import java.util.List;

public record IdeaProposed(String programmeId, String ideaId, String themeId, IdeaMode mode, String text,
                           List<String> rootCauseIds) {
    public IdeaProposed {
        rootCauseIds = Lists.normal(rootCauseIds);
    }
}
