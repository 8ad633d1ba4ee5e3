package org.goldenthread.kernel.theme;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Lists;

/** {@code mergedThemeIds} were retired into {@code themeId}, which received {@code statementIds}. */
@Revision("1")
public record ThemesMerged(
        String programmeId, Category category, String themeId, List<String> mergedThemeIds, List<String> statementIds) {
    public ThemesMerged {
        mergedThemeIds = Lists.normal(mergedThemeIds);
        statementIds = Lists.normal(statementIds);
    }
}
