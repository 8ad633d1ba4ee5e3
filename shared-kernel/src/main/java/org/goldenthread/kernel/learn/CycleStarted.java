package org.goldenthread.kernel.learn;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;

/**
 * A new cycle began. Every active theme of the last cycle is carried forward as a new, empty theme of the
 * same title ({@code themeId} = {@code fromThemeId + "~c" + cycle}, with lineage {@code fromThemeId}); the old theme is
 * retired with its
 * statements; unclustered and parked statements of the last cycle leave the boards.
 */
@Revision("1")
public record CycleStarted(String programmeId, int cycle, List<CarriedTheme> carriedThemes, String reason) {
    public CycleStarted {
        carriedThemes = org.goldenthread.kernel.Lists.normal(carriedThemes);
    }

    public record CarriedTheme(String fromThemeId, String themeId, Category category, String title) {}
}
