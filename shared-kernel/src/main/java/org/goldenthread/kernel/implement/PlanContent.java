package org.goldenthread.kernel.implement;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * An action plan holds the method's planning questions as structure: key features; who needs to be
 * involved and who leads; what first (with dates); where in 6–12 months (milestones); resources and
 * where from; what else would help; which measures track progress; how progress is communicated.
 */
public record PlanContent(
        String keyFeatures,
        List<String> involved,
        String lead,
        List<Step> firstSteps,
        List<Milestone> milestones,
        List<Resource> resources,
        String whatElseWouldHelp,
        List<String> measureIds,
        String communication) {

    public record Step(String what, LocalDate due) {}

    public record Milestone(String milestoneId, String description, LocalDate due) {}

    public record Resource(String what, String from) {}

    /** Validates the content (400 naming the field); used by the commands that carry it. */
    public static PlanContent validated(PlanContent c) {
        Require.present("plan", c);
        String keyFeatures = Require.text("keyFeatures", c.keyFeatures(), 2000);
        List<String> involved = Require.texts("involved", c.involved(), 200);
        String lead = Require.text("lead", c.lead(), 200);
        List<Step> steps = Require.nonEmpty("firstSteps", c.firstSteps());
        List<Step> firstSteps = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            firstSteps.add(new Step(
                    Require.text("firstSteps[" + i + "].what", steps.get(i).what(), 500),
                    Require.date("firstSteps[" + i + "].due", steps.get(i).due())));
        }
        List<Milestone> given = Require.nonEmpty("milestones", c.milestones());
        List<Milestone> milestones = new ArrayList<>();
        HashSet<String> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Milestone m = given.get(i);
            String id = Require.id("milestones[" + i + "].milestoneId", m.milestoneId());
            milestones.add(new Milestone(
                    id,
                    Require.text("milestones[" + i + "].description", m.description(), 500),
                    Require.date("milestones[" + i + "].due", m.due())));
            if (!ids.add(id)) {
                throw new InvalidInput("milestones[" + i + "].milestoneId", "milestone ids must be distinct");
            }
        }
        List<Resource> given2 = Require.optional("resources", c.resources());
        List<Resource> resources = new ArrayList<>();
        for (int i = 0; i < given2.size(); i++) {
            resources.add(new Resource(
                    Require.text("resources[" + i + "].what", given2.get(i).what(), 500),
                    Require.text("resources[" + i + "].from", given2.get(i).from(), 500)));
        }
        String whatElse = Require.optionalText("whatElseWouldHelp", c.whatElseWouldHelp(), 2000);
        List<String> measures = Require.optionalIds("measureIds", c.measureIds());
        String communication = Require.text("communication", c.communication(), 2000);
        return new PlanContent(
                keyFeatures,
                involved,
                lead,
                List.copyOf(firstSteps),
                List.copyOf(milestones),
                List.copyOf(resources),
                whatElse,
                measures,
                communication);
    }
}
