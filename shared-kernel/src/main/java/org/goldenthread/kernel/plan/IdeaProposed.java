package org.goldenthread.kernel.plan;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Lists;

@Revision("1")
public record IdeaProposed(
        String programmeId, String ideaId, String themeId, IdeaMode mode, String text, List<String> rootCauseIds) {
    public IdeaProposed {
        rootCauseIds = Lists.normal(rootCauseIds);
    }
}
