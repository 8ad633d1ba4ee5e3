package org.goldenthread.kernel.theme;

import java.util.List;
import org.goldenthread.kernel.Category;

/**
 * One theming board: active themes with their statements (words opened, or shown as erased),
 * unclustered and parked statements, retired (merged) themes with their lineage, and the vote tallies
 * of the latest voting round ({@code votingId}, null when none).
 */
public record BoardView(
        String programmeId,
        Category category,
        List<Theme> themes,
        List<Statement> unclustered,
        List<Statement> parked,
        List<Theme> retiredThemes,
        String votingId,
        long version) {

    /** {@code carriedFrom}/{@code carriedInto}: the same theme in the previous / next cycle. */
    public record Theme(
            String themeId,
            String title,
            List<Statement> statements,
            String status,
            String mergedInto,
            List<String> mergedFrom,
            String splitFrom,
            int votes,
            String carriedFrom,
            String carriedInto) {}

    public record Statement(
            String statementId, String person, int priority, String text, boolean erased, List<String> flags) {}
}
