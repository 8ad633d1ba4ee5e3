package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.analysis.AnalysisView;
import org.goldenthread.kernel.analysis.SmallCells;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pseudonymised view analysts read: counts only, small counts suppressed. */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "Analysis")
public class AnalysisController {

    private final Acts acts;
    private final SmallCells cells;

    public AnalysisController(Acts acts, @Value("${goldenthread.analysis.small-cell-threshold:5}") int threshold) {
        this.acts = acts;
        this.cells = new SmallCells(threshold);
    }

    @Access(Rule.ANALYSE)
    @GetMapping("/analysis")
    @Operation(
            summary =
                    "Counts per category and per theme (statements, people, votes) with no words, pseudonyms or names; "
                            + "a count from 1 to threshold-1 is shown as \"<threshold\" "
                            + "(goldenthread.analysis.small-cell-threshold, 5)")
    public AnalysisView analysis(@PathVariable String programmeId) {
        List<BoardView> boards = Arrays.stream(Category.values())
                .map(c -> acts.find(new FindBoard(programmeId, c), BoardView.class, "programme", programmeId))
                .toList();
        return AnalysisView.of(programmeId, boards, cells);
    }

    @Access(Rule.ANALYSE)
    @GetMapping("/analysis/theme-sizes")
    @Operation(
            summary = "How many statements each theme held when each vote opened, cycle by cycle; small counts "
                    + "suppressed as for /analysis")
    public List<ThemeSizeCount> themeSizes(@PathVariable String programmeId) {
        acts.find(
                new org.goldenthread.kernel.programme.FindProgramme(programmeId),
                org.goldenthread.kernel.programme.ProgrammeView.class,
                "programme",
                programmeId);
        return acts
                .askMany(
                        new org.goldenthread.kernel.analysis.FindThemeSizes(programmeId),
                        org.goldenthread.kernel.analysis.ThemeSize.class)
                .stream()
                .map(t -> new ThemeSizeCount(
                        t.cycle(), t.votingId(), t.themeId(), t.title(), cells.count(t.statements())))
                .toList();
    }

    /** A theme size for analysts: the count as {@link SmallCells} shows it. */
    public record ThemeSizeCount(int cycle, String votingId, String themeId, String title, String statements) {}
}
