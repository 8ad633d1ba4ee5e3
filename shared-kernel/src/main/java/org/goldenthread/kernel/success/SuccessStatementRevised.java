package org.goldenthread.kernel.success;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Lists;

/** The new wording and root-cause links, with the links added and removed by this revision. */
@Revision("1")
public record SuccessStatementRevised(
        String programmeId,
        String successId,
        String themeId,
        String text,
        List<String> rootCauseIds,
        List<String> linkedRootCauseIds,
        List<String> unlinkedRootCauseIds,
        String reason) {
    public SuccessStatementRevised {
        rootCauseIds = Lists.normal(rootCauseIds);
        linkedRootCauseIds = Lists.normal(linkedRootCauseIds);
        unlinkedRootCauseIds = Lists.normal(unlinkedRootCauseIds);
    }
}
