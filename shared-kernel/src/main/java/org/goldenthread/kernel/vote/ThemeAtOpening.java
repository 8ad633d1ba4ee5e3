package org.goldenthread.kernel.vote;

import java.util.List;
import org.goldenthread.kernel.Lists;

/** A theme as it was when the round opened; votes are tied to this. */
public record ThemeAtOpening(String themeId, String title, List<String> statementIds) {
    public ThemeAtOpening {
        statementIds = Lists.normal(statementIds);
    }
}
