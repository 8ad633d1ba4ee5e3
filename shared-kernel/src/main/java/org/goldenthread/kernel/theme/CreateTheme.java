package org.goldenthread.kernel.theme;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Require;

/** Card call: start a new theme (cluster) on a board from one or more statements. */
public record CreateTheme(
        @TargetAggregateIdentifier String programmeId,
        Category category,
        String themeId,
        String title,
        List<String> statementIds) {
    public CreateTheme {
        Require.id("programmeId", programmeId);
        Require.present("category", category);
        Require.id("themeId", themeId);
        title = ThemeTitle.require(title);
        statementIds = Require.ids("statementIds", statementIds);
    }
}
