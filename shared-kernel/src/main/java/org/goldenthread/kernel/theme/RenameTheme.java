package org.goldenthread.kernel.theme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Require;

public record RenameTheme(
        @TargetAggregateIdentifier String programmeId, Category category, String themeId, String title) {
    public RenameTheme {
        Require.id("programmeId", programmeId);
        Require.present("category", category);
        Require.id("themeId", themeId);
        title = ThemeTitle.require(title);
    }
}
