package org.goldenthread.kernel.analysis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.theme.BoardView;

/**
 * A programme as an analyst sees it: per category, how many statements and how many people, how many unclustered and
 * parked, and per active theme its title and the same counts (and its votes in the latest round). Counts only, every
 * one through {@link SmallCells}: no statement's words, no pseudonym, no participant's name.
 */
public record AnalysisView(String programmeId, int smallCellThreshold, List<CategoryCounts> categories) {

    public record CategoryCounts(
            Category category,
            String statements,
            String people,
            String unclustered,
            String parked,
            List<ThemeCounts> themes) {}

    public record ThemeCounts(String themeId, String title, String statements, String people, String votes) {}

    /** The counts of these boards, suppressed as {@code cells} says. */
    public static AnalysisView of(String programmeId, List<BoardView> boards, SmallCells cells) {
        List<CategoryCounts> categories = boards.stream()
                .map(b -> {
                    Set<String> people = new HashSet<>();
                    int statements = 0;
                    List<ThemeCounts> themes = new java.util.ArrayList<>();
                    for (BoardView.Theme t : b.themes()) {
                        Set<String> inTheme = new HashSet<>();
                        t.statements().forEach(s -> inTheme.add(s.person()));
                        people.addAll(inTheme);
                        statements += t.statements().size();
                        themes.add(new ThemeCounts(
                                t.themeId(),
                                t.title(),
                                cells.count(t.statements().size()),
                                cells.count(inTheme.size()),
                                cells.count(t.votes())));
                    }
                    for (List<BoardView.Statement> pile : List.of(b.unclustered(), b.parked())) {
                        pile.forEach(s -> people.add(s.person()));
                        statements += pile.size();
                    }
                    return new CategoryCounts(
                            b.category(),
                            cells.count(statements),
                            cells.count(people.size()),
                            cells.count(b.unclustered().size()),
                            cells.count(b.parked().size()),
                            List.copyOf(themes));
                })
                .toList();
        return new AnalysisView(programmeId, cells.threshold(), categories);
    }
}
