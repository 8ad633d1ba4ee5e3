package org.goldenthread.kernel.progress;

import java.time.LocalDate;
import java.util.List;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.Reading;

/**
 * Per theme: the five-whys tree, root causes chosen, success statements with their measures (baseline
 * vs actuals), what is already in place, ideas with their grid position and quadrant, and action plans
 * with their milestones.
 */
public record ThemeWorkView(
        String programmeId,
        String themeId,
        String title,
        List<Why> whys,
        List<Cause> rootCauses,
        List<Success> successStatements,
        List<String> alreadyInPlace,
        List<Idea> ideas,
        List<Plan> plans) {

    /** A "why?" and the causes given to it; each cause may be questioned again (children). */
    public record Why(String whyId, String question, String perspective, List<CauseNode> causes) {}

    public record CauseNode(
            String causeId,
            String text,
            String perspective,
            List<String> guardRailFlags,
            boolean rootCause,
            List<Why> whys) {}

    public record Cause(String causeId, String text, int rank, int votes) {}

    public record Success(
            String successId,
            String perspective,
            String text,
            List<String> rootCauseIds,
            List<Measure> measures,
            String progress) {}

    public record Measure(
            String measureId,
            String kind,
            String description,
            String dataSource,
            boolean alreadyCollected,
            boolean proxy,
            String unit,
            String direction,
            String owner,
            String frequency,
            Reading baseline,
            List<Reading> actuals,
            String progress) {}

    public record Idea(
            String ideaId,
            String mode,
            String text,
            boolean chosen,
            int votes,
            boolean dropped,
            String dropReason,
            Double medianEffort,
            Double medianImpact,
            Integer effortSpread,
            Integer impactSpread,
            int placements,
            String quadrant) {}

    /** A plan in its current version, with every version it had (the first with no reason: it was agreed). */
    public record Plan(
            String planId,
            String ideaId,
            int version,
            PlanContent content,
            List<Reached> reached,
            List<PlanVersion> versions) {}

    /** One version of an action plan as it was agreed or changed: when, by whom, and why it changed. */
    public record PlanVersion(int version, PlanContent content, String reason, java.time.Instant at, String by) {}

    public record Reached(String milestoneId, LocalDate reachedOn, String note) {}
}
