package org.goldenthread.kernel.theme;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;

/** A theme was started; its first statements follow as {@link StatementClustered}. */
@Revision("1")
public record ThemeCreated(String programmeId, Category category, String themeId, String title) {}
