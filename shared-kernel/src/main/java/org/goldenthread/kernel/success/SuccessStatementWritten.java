package org.goldenthread.kernel.success;


import org.goldenthread.kernel.Lists;
import java.util.List;

public record SuccessStatementWritten(String programmeId, String successId, String themeId,
                                      SuccessPerspective perspective, String text, List<String> rootCauseIds) {
    public SuccessStatementWritten {
        rootCauseIds = Lists.normal(rootCauseIds);
    }
}
