package org.goldenthread.kernel.understand;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Lists;

/**
 * The cause blames the budget or "the nature of things" — the method's guard rails: reaching them means
 * the exercise is exhausted. Flagged, never refused; {@code reasons} name the guard-rail phrases.
 */
@Revision("1")
public record CauseFlaggedByGuardRail(String programmeId, String causeId, String themeId, List<String> reasons) {
    public CauseFlaggedByGuardRail {
        reasons = Lists.normal(reasons);
    }
}
