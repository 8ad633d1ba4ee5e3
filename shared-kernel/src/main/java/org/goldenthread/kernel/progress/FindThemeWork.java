package org.goldenthread.kernel.progress;

/** Steps 4–8 for one prioritised theme. Answered with a {@link ThemeWorkView}. */
public record FindThemeWork(String programmeId, String themeId) {}
