package org.goldenthread.kernel.progress;

import java.util.List;

/**
 * Where the programme stands in each of the 8 steps (Prepare, Collect, Theme, Understand, Identify
 * success, Plan, Implement, Learning and review) for its current cycle, with a one-line summary each,
 * and the themes carried across cycles for comparison.
 */
public record ProgressView(
        String programmeId,
        int cycle,
        List<Step> steps,
        List<PrioritisedTheme> prioritisedThemes,
        List<CycleTheme> cycleComparison) {

    public record Step(int number, String name, String status, String summary) {}

    public record PrioritisedTheme(String themeId, String title, int cycle, int rank, int votes) {}

    /** One theme's lineage across cycles: its id and title in each cycle, statements and votes there. */
    public record CycleTheme(String lineageId, String title, List<CycleFigures> cycles) {}

    public record CycleFigures(int cycle, String themeId, int statements, int votes, boolean prioritised) {}
}
