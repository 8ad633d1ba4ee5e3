package org.goldenthread.command.implement;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.goldenthread.command.plan.Ideas;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.implement.*;

/**
 * Step 7, Implement: one action plan per chosen idea, versioned — a change is the new version in full with
 * its reason, and records the measure links it made and broke. Milestones are reached once, and a
 * milestone already reached stays in every later version.
 */
public final class ActionPlans {

    public record Plan(
            String planId, String ideaId, String themeId, int version, PlanContent content, Set<String> reached) {}

    private final Map<String, Plan> plans = new LinkedHashMap<>();

    public Plan require(String planId) {
        Plan plan = plans.get(planId);
        if (plan == null) {
            throw new UnknownReference("plan", planId);
        }
        return plan;
    }

    // ---- decisions

    /** {@code requireMeasure}: throws when the measure does not exist. */
    public List<Object> agree(AgreeActionPlan c, Ideas ideas, Consumer<String> requireMeasure) {
        if (plans.containsKey(c.planId())) {
            throw new RuleViolation("ids-unique", "plan id '" + c.planId() + "' is already used");
        }
        Ideas.Idea idea = ideas.requireChosenAndKept(c.ideaId());
        plans.values().stream()
                .filter(p -> p.ideaId().equals(c.ideaId()))
                .findFirst()
                .ifPresent(p -> {
                    throw new RuleViolation(
                            "one-plan-per-idea",
                            "idea '" + c.ideaId() + "' already has action plan '" + p.planId()
                                    + "'; change that plan instead");
                });
        requireMeasures(c.content(), requireMeasure);
        return List.of(new ActionPlanAgreed(c.programmeId(), c.planId(), c.ideaId(), idea.themeId(), 1, c.content()));
    }

    public List<Object> change(ChangeActionPlan c, Consumer<String> requireMeasure) {
        Plan plan = require(c.planId());
        requireMeasures(c.content(), requireMeasure);
        Set<String> kept = new HashSet<>(c.content().milestones().stream()
                .map(PlanContent.Milestone::milestoneId)
                .toList());
        for (String reached : plan.reached()) {
            if (!kept.contains(reached)) {
                throw new RuleViolation(
                        "reached-milestone-kept",
                        "milestone '" + reached + "' has been reached; a change of plan keeps it");
            }
        }
        List<String> before = plan.content().measureIds();
        List<String> after = c.content().measureIds();
        return List.of(new ActionPlanChanged(
                c.programmeId(),
                c.planId(),
                plan.ideaId(),
                plan.themeId(),
                plan.version() + 1,
                c.content(),
                after.stream().filter(id -> !before.contains(id)).toList(),
                before.stream().filter(id -> !after.contains(id)).toList(),
                c.reason()));
    }

    public List<Object> reach(ReachMilestone c) {
        Plan plan = require(c.planId());
        if (plan.content().milestones().stream().noneMatch(m -> m.milestoneId().equals(c.milestoneId()))) {
            throw new UnknownReference("milestone", c.milestoneId());
        }
        if (plan.reached().contains(c.milestoneId())) {
            throw new RuleViolation(
                    "milestone-reached-once",
                    "milestone '" + c.milestoneId() + "' of plan '" + c.planId() + "' has already been reached");
        }
        return List.of(new MilestoneReached(c.programmeId(), c.planId(), c.milestoneId(), c.reachedOn(), c.note()));
    }

    private static void requireMeasures(PlanContent content, Consumer<String> requireMeasure) {
        List<String> ids = content.measureIds();
        if (new HashSet<>(ids).size() != ids.size()) {
            throw new InvalidInput("measureIds", "measureIds must not name the same measure twice");
        }
        ids.forEach(requireMeasure);
    }

    // ---- evolution

    public void evolve(ActionPlanAgreed e) {
        plans.put(e.planId(), new Plan(e.planId(), e.ideaId(), e.themeId(), e.version(), e.content(), Set.of()));
    }

    public void evolve(ActionPlanChanged e) {
        Plan p = plans.get(e.planId());
        plans.put(p.planId(), new Plan(p.planId(), p.ideaId(), p.themeId(), e.version(), e.content(), p.reached()));
    }

    public void evolve(MilestoneReached e) {
        Plan p = plans.get(e.planId());
        Set<String> reached = new LinkedHashSet<>(p.reached());
        reached.add(e.milestoneId());
        plans.put(
                p.planId(),
                new Plan(
                        p.planId(),
                        p.ideaId(),
                        p.themeId(),
                        p.version(),
                        p.content(),
                        Collections.unmodifiableSet(reached)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActionPlans a && List.copyOf(plans.values()).equals(List.copyOf(a.plans.values()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(plans);
    }
}
