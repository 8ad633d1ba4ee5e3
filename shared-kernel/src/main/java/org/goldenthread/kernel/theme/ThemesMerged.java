package org.goldenthread.kernel.theme;


import org.goldenthread.kernel.Lists;
import org.goldenthread.kernel.Category;

import java.util.List;

/** {@code mergedThemeIds} were retired into {@code themeId}, which received {@code statementIds}. */
public record ThemesMerged(String programmeId, Category category, String themeId, List<String> mergedThemeIds,
                           List<String> statementIds) {
    public ThemesMerged {
        mergedThemeIds = Lists.normal(mergedThemeIds);
        statementIds = Lists.normal(statementIds);
    }
}
