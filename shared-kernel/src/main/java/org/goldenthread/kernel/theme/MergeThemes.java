package org.goldenthread.kernel.theme;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Require;

/** Merge the themes {@code themeIds} into {@code themeId}; the merged themes are retired, with lineage, not deleted. */
public record MergeThemes(
        @TargetAggregateIdentifier String programmeId, Category category, String themeId, List<String> themeIds) {
    public MergeThemes {
        Require.id("programmeId", programmeId);
        Require.present("category", category);
        Require.id("themeId", themeId);
        themeIds = Require.ids("themeIds", themeIds);
    }
}
