package org.goldenthread.kernel.theme;

import org.goldenthread.kernel.Category;

public record StatementUnparked(String programmeId, Category category, String statementId) {}
