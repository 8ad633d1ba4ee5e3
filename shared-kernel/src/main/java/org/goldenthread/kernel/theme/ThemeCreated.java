package org.goldenthread.kernel.theme;

import org.goldenthread.kernel.Category;

/** A theme was started; its first statements follow as {@link StatementClustered}. */
public record ThemeCreated(String programmeId, Category category, String themeId, String title) {}
