package org.goldenthread.success;

import java.util.List;

public record SuccessStatementWritten(String programmeId, String successId, String themeId,
                                      SuccessPerspective perspective, String text, List<String> rootCauseIds) {
}
