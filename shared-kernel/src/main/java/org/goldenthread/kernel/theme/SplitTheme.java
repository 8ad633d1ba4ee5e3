package org.goldenthread.kernel.theme;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Require;

/** Split a sub-theme out of {@code themeId}: the named statements form the new theme {@code newThemeId}. */
public record SplitTheme(
        @TargetAggregateIdentifier String programmeId,
        Category category,
        String themeId,
        String newThemeId,
        String title,
        List<String> statementIds) {
    public SplitTheme {
        Require.id("programmeId", programmeId);
        Require.present("category", category);
        Require.id("themeId", themeId);
        Require.id("newThemeId", newThemeId);
        title = ThemeTitle.require(title);
        statementIds = Require.ids("statementIds", statementIds);
    }
}
