package org.goldenthread.implement;

import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

/**
 * An action plan holds the method's planning questions as structure: key features; who needs to be
 * involved and who leads; what first (with dates); where in 6–12 months (milestones); resources and
 * where from; what else would help; which measures track progress; how progress is communicated.
 */
public record PlanContent(String keyFeatures, List<String> involved, String lead, List<Step> firstSteps,
                          List<Milestone> milestones, List<Resource> resources, String whatElseWouldHelp,
                          List<String> measureIds, String communication) {

    public record Step(String what, LocalDate due) {
    }

    public record Milestone(String milestoneId, String description, LocalDate due) {
    }

    public record Resource(String what, String from) {
    }

    /** Validates the content (400 naming the field); used by the commands that carry it. */
    public static PlanContent validated(PlanContent c) {
        Require.present("plan", c);
        String keyFeatures = Require.text("keyFeatures", c.keyFeatures(), 2000);
        List<String> involved = Require.nonEmpty("involved", c.involved());
        String lead = Require.text("lead", c.lead(), 200);
        List<Step> steps = Require.nonEmpty("firstSteps", c.firstSteps());
        for (int i = 0; i < steps.size(); i++) {
            Require.text("firstSteps[" + i + "].what", steps.get(i).what(), 500);
            Require.present("firstSteps[" + i + "].due", steps.get(i).due());
        }
        List<Milestone> milestones = Require.nonEmpty("milestones", c.milestones());
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            Require.id("milestones[" + i + "].milestoneId", milestones.get(i).milestoneId());
            Require.text("milestones[" + i + "].description", milestones.get(i).description(), 500);
            Require.present("milestones[" + i + "].due", milestones.get(i).due());
            if (!ids.add(milestones.get(i).milestoneId())) {
                throw new InvalidInput("milestones[" + i + "].milestoneId", "milestone ids must be distinct");
            }
        }
        List<Resource> resources = c.resources() == null ? List.of() : List.copyOf(c.resources());
        for (int i = 0; i < resources.size(); i++) {
            Require.text("resources[" + i + "].what", resources.get(i).what(), 500);
            Require.text("resources[" + i + "].from", resources.get(i).from(), 500);
        }
        String whatElse = c.whatElseWouldHelp() == null || c.whatElseWouldHelp().isBlank() ? null : Require.text("whatElseWouldHelp", c.whatElseWouldHelp(), 2000);
        List<String> measures = c.measureIds() == null ? List.of() : List.copyOf(c.measureIds());
        String communication = Require.text("communication", c.communication(), 2000);
        return new PlanContent(keyFeatures, involved, lead, steps, milestones, resources, whatElse, measures, communication);
    }
}
