package org.goldenthread.kernel.theme;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Lists;

/** The new theme {@code newThemeId} was split out of {@code themeId} with {@code statementIds}. */
@Revision("1")
public record ThemeSplit(
        String programmeId,
        Category category,
        String themeId,
        String newThemeId,
        String title,
        List<String> statementIds) {
    public ThemeSplit {
        statementIds = Lists.normal(statementIds);
    }
}
