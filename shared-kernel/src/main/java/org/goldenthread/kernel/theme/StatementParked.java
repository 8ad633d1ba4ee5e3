package org.goldenthread.kernel.theme;

import org.goldenthread.kernel.Category;

/** {@code fromThemeId} is null when the statement was unclustered. */
public record StatementParked(String programmeId, Category category, String statementId, String fromThemeId) {}
