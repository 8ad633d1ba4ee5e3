package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.programme.FindProgramme;
import org.goldenthread.programme.FindProgrammes;
import org.goldenthread.programme.ForgetPerson;
import org.goldenthread.programme.LaunchProgramme;
import org.goldenthread.programme.Level;
import org.goldenthread.programme.PlanSample;
import org.goldenthread.programme.ProgrammeSummary;
import org.goldenthread.programme.ProgrammeView;
import org.goldenthread.programme.RegisterParticipant;
import org.goldenthread.programme.SamplePlan;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Step 1, Prepare: programmes, sample plans, participants; and ForgetPerson. */
@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Prepare")
public class ProgrammeController {

    public record LaunchRequest(String purpose, String level, SamplePlanRequest samplePlan) {
    }

    public record SamplePlanRequest(String what, String how, String who, String where, String when,
                                    Integer quantity, Integer populationSize) {
        SamplePlan toPlan() {
            return SamplePlan.validated(what, how, who, where, when, quantity, populationSize);
        }
    }

    public record ParticipantRequest(String name, String perspective, String username) {
    }

    public record ForgetRequest(String reason) {
    }

    private final Acts acts;

    public ProgrammeController(Acts acts) {
        this.acts = acts;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    @Operation(summary = "Launch a programme with its purpose statement and level (optionally its sample plan)")
    public ResponseEntity<Created.Programme> launch(@RequestBody LaunchRequest request) {
        Acts.body(request);
        String programmeId = Acts.newId();
        LaunchProgramme launch = new LaunchProgramme(programmeId, request.purpose(), Acts.parse(Level.class, "level", request.level()));
        SamplePlan plan = request.samplePlan() == null ? null : request.samplePlan().toPlan();
        acts.send(launch);
        if (plan != null) {
            acts.send(new PlanSample(programmeId, plan));
        }
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId)).body(new Created.Programme(programmeId));
    }

    @GetMapping
    @Operation(summary = "List programmes")
    public List<ProgrammeSummary> list() {
        return acts.askMany(new FindProgrammes(), ProgrammeSummary.class);
    }

    @GetMapping("/{programmeId}")
    @Operation(summary = "The programme: purpose, level, sample plan, participants, collection figures, advisories")
    public ProgrammeView get(@PathVariable String programmeId) {
        return acts.find(new FindProgramme(programmeId), ProgrammeView.class, "programme", programmeId);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PutMapping("/{programmeId}/sample-plan")
    @Operation(summary = "Record or replace the sample plan (what/how/who/where/when/quantity/populationSize)")
    public ResponseEntity<Void> planSample(@PathVariable String programmeId, @RequestBody SamplePlanRequest request) {
        acts.send(new PlanSample(programmeId, Acts.body(request).toPlan()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{programmeId}/participants")
    @Operation(summary = "Register a workshop participant with their perspective (username links a login for own votes)")
    public ResponseEntity<Created.Participant> register(@PathVariable String programmeId, @RequestBody ParticipantRequest request) {
        Acts.body(request);
        String participantId = Acts.newId();
        acts.send(new RegisterParticipant(programmeId, participantId, request.name(),
                Acts.parse(Perspective.class, "perspective", request.perspective()), request.username()));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/participants/" + participantId))
                .body(new Created.Participant(participantId));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @PostMapping("/{programmeId}/people/{person}/forget")
    @Operation(summary = "Forget a person: destroys the key to their words (crypto-shredding); the acts remain")
    public ResponseEntity<Created.Forgotten> forget(@PathVariable String programmeId, @PathVariable String person,
                                                      @RequestBody(required = false) ForgetRequest request) {
        String reason = request == null ? null : request.reason();
        acts.send(new ForgetPerson(programmeId, person, reason));
        return ResponseEntity.accepted().body(new Created.Forgotten(programmeId, person, "forgotten"));
    }
}
