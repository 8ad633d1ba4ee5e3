package org.goldenthread.kernel.success;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Lists;

@Revision("1")
public record SuccessStatementWritten(
        String programmeId,
        String successId,
        String themeId,
        SuccessPerspective perspective,
        String text,
        List<String> rootCauseIds) {
    public SuccessStatementWritten {
        rootCauseIds = Lists.normal(rootCauseIds);
    }
}
