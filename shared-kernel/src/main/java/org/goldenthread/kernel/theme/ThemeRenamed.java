package org.goldenthread.kernel.theme;

import org.goldenthread.kernel.Category;

public record ThemeRenamed(String programmeId, Category category, String themeId, String previousTitle, String title) {}
