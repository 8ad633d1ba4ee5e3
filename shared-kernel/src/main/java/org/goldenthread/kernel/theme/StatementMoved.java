package org.goldenthread.kernel.theme;

import org.goldenthread.kernel.Category;

public record StatementMoved(
        String programmeId, Category category, String statementId, String fromThemeId, String toThemeId) {}
