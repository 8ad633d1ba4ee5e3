package org.goldenthread.kernel.theme;

import org.goldenthread.kernel.Require;

/** A theme is named with a short first-person "I" statement, e.g. "I am lonely"; short, never blank. */
public final class ThemeTitle {
    public static final int MAX = 120;

    private ThemeTitle() {}

    public static String require(String title) {
        return Require.text("title", title, MAX);
    }
}
