package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.implement.AgreeActionPlan;
import org.goldenthread.kernel.implement.BaselineMeasure;
import org.goldenthread.kernel.implement.ChangeActionPlan;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.ReachMilestone;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.learn.RecordActual;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Step 7, Implement: action plans for chosen ideas (the method's planning questions as structure),
 * milestones reached, measures baselined; and step 8's actuals against those baselines.
 */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "Implement")
public class ImplementController {

    public record StepRequest(String what, LocalDate due) {}

    /** {@code milestoneId} names an existing milestone when changing a plan; left out, a new id is minted. */
    public record MilestoneRequest(String milestoneId, String description, LocalDate due) {}

    public record ResourceRequest(String what, String from) {}

    public record PlanRequest(
            String keyFeatures,
            List<String> involved,
            String lead,
            List<StepRequest> firstSteps,
            List<MilestoneRequest> milestones,
            List<ResourceRequest> resources,
            String whatElseWouldHelp,
            List<String> measureIds,
            String communication,
            String reason) {}

    public record PlanCreated(String planId, List<String> milestoneIds) {}

    public record ReachedRequest(LocalDate reachedOn, String note) {}

    public record ReadingRequest(String value, LocalDate date, String source) {
        Reading toReading() {
            return Reading.validated(value, date, source);
        }
    }

    private final Acts acts;

    public ImplementController(Acts acts) {
        this.acts = acts;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/ideas/{ideaId}/action-plans")
    @Operation(
            summary = "Agree the action plan for a chosen idea: key features, who is involved and leads, first steps, "
                    + "milestones (6–12 months), resources and from where, what else would help, "
                    + "measures, communication")
    public ResponseEntity<PlanCreated> agree(
            @PathVariable String programmeId, @PathVariable String ideaId, @RequestBody PlanRequest request) {
        Acts.body(request);
        String planId = Acts.newId();
        AgreeActionPlan agree = new AgreeActionPlan(programmeId, planId, ideaId, content(request));
        acts.send(agree);
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/action-plans/" + planId))
                .body(new PlanCreated(
                        planId,
                        agree.content().milestones().stream()
                                .map(PlanContent.Milestone::milestoneId)
                                .toList()));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PutMapping("/action-plans/{planId}")
    @Operation(
            summary = "Change an action plan: the new version in full, with the reason (milestones keep their ids when "
                    + "the body gives milestoneId; new ones get fresh ids, visible in the theme's work)")
    public ResponseEntity<Void> change(
            @PathVariable String programmeId, @PathVariable String planId, @RequestBody PlanRequest request) {
        Acts.body(request);
        acts.send(new ChangeActionPlan(programmeId, planId, content(request), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/action-plans/{planId}/milestones/{milestoneId}/reached")
    @Operation(summary = "Record that a milestone was reached (reachedOn an ISO date, with an optional note)")
    public ResponseEntity<Void> reached(
            @PathVariable String programmeId,
            @PathVariable String planId,
            @PathVariable String milestoneId,
            @RequestBody ReachedRequest request) {
        Acts.body(request);
        acts.send(new ReachMilestone(programmeId, planId, milestoneId, request.reachedOn(), request.note()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/measures/{measureId}/baseline")
    @Operation(summary = "Baseline a measure: value, date (ISO) and source")
    public ResponseEntity<Void> baseline(
            @PathVariable String programmeId, @PathVariable String measureId, @RequestBody ReadingRequest request) {
        acts.send(new BaselineMeasure(programmeId, measureId, Acts.body(request).toReading()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/measures/{measureId}/actuals")
    @Operation(summary = "Record an actual value of a baselined measure: value, date (ISO) and source")
    public ResponseEntity<Void> actual(
            @PathVariable String programmeId, @PathVariable String measureId, @RequestBody ReadingRequest request) {
        acts.send(new RecordActual(programmeId, measureId, Acts.body(request).toReading()));
        return ResponseEntity.noContent().build();
    }

    /** Maps the body to the kernel's plan content (validated by the command), minting ids for new milestones. */
    private static PlanContent content(PlanRequest r) {
        List<PlanContent.Step> steps = r.firstSteps() == null
                ? null
                : entries("firstSteps", r.firstSteps()).stream()
                        .map(s -> new PlanContent.Step(s.what(), s.due()))
                        .toList();
        List<PlanContent.Milestone> milestones = r.milestones() == null
                ? null
                : entries("milestones", r.milestones()).stream()
                        .map(m -> new PlanContent.Milestone(
                                m.milestoneId() == null || m.milestoneId().isBlank() ? Acts.newId() : m.milestoneId(),
                                m.description(),
                                m.due()))
                        .toList();
        List<PlanContent.Resource> resources = r.resources() == null
                ? null
                : entries("resources", r.resources()).stream()
                        .map(s -> new PlanContent.Resource(s.what(), s.from()))
                        .toList();
        return new PlanContent(
                r.keyFeatures(),
                r.involved(),
                r.lead(),
                steps,
                milestones,
                resources,
                r.whatElseWouldHelp(),
                r.measureIds(),
                r.communication());
    }

    private static <T> List<T> entries(String field, List<T> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidInput(field + "[" + i + "]", field + "[" + i + "] must not be null");
            }
        }
        return values;
    }
}
