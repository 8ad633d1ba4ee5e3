package org.goldenthread.kernel.success;

import java.util.List;
import org.goldenthread.kernel.Lists;

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
