package org.goldenthread.kernel.theme;


import org.goldenthread.kernel.Lists;
import org.goldenthread.kernel.Category;

import java.util.List;

/** The new theme {@code newThemeId} was split out of {@code themeId} with {@code statementIds}. */
public record ThemeSplit(String programmeId, Category category, String themeId, String newThemeId, String title,
                         List<String> statementIds) {
    public ThemeSplit {
        statementIds = Lists.normal(statementIds);
    }
}
