package org.goldenthread.kernel.analysis;

import org.goldenthread.kernel.Require;

/**
 * How many statements each theme held when each theme vote opened, cycle by cycle (the analyst guide's worked
 * example). Answered with a list of {@link ThemeSize}, by cycle, vote and size.
 */
public record FindThemeSizes(String programmeId) {
    public FindThemeSizes {
        Require.id("programmeId", programmeId);
    }
}
