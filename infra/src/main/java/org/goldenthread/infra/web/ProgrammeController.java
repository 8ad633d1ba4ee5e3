package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.Memberships;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.programme.ErasureView;
import org.goldenthread.kernel.programme.FindErasure;
import org.goldenthread.kernel.programme.FindMembers;
import org.goldenthread.kernel.programme.FindProgramme;
import org.goldenthread.kernel.programme.FindProgrammes;
import org.goldenthread.kernel.programme.ForgetParticipant;
import org.goldenthread.kernel.programme.ForgetPerson;
import org.goldenthread.kernel.programme.GrantMembership;
import org.goldenthread.kernel.programme.LaunchProgramme;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.MemberRole;
import org.goldenthread.kernel.programme.MemberView;
import org.goldenthread.kernel.programme.ParticipantRegistered;
import org.goldenthread.kernel.programme.PlanSample;
import org.goldenthread.kernel.programme.ProgrammeSummary;
import org.goldenthread.kernel.programme.ProgrammeView;
import org.goldenthread.kernel.programme.RegisterParticipant;
import org.goldenthread.kernel.programme.RevokeMembership;
import org.goldenthread.kernel.programme.SamplePlan;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 1, Prepare: programmes, sample plans, participants; and ForgetPerson. */
@RestController
@RequestMapping("/api/programmes")
@Tag(name = "Prepare")
public class ProgrammeController {

    public record LaunchRequest(String purpose, String level, SamplePlanRequest samplePlan) {}

    public record SamplePlanRequest(
            String what, String how, String who, String where, String when, Integer quantity, Integer populationSize) {
        SamplePlan toPlan() {
            return SamplePlan.validated(what, how, who, where, when, quantity, populationSize);
        }
    }

    public record ParticipantRequest(String name, String perspective, String username) {}

    public record ForgetRequest(String reason) {}

    private final Acts acts;
    private final Memberships memberships;

    public ProgrammeController(Acts acts, Memberships memberships) {
        this.acts = acts;
        this.memberships = memberships;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.LAUNCH)
    @PostMapping
    @Operation(summary = "Launch a programme with its purpose statement and level (optionally its sample plan)")
    public ResponseEntity<Created.Programme> launch(@RequestBody LaunchRequest request) {
        Acts.body(request);
        String programmeId = Acts.newId();
        LaunchProgramme launch =
                new LaunchProgramme(programmeId, request.purpose(), Acts.parse(Level.class, "level", request.level()));
        SamplePlan plan =
                request.samplePlan() == null ? null : request.samplePlan().toPlan();
        acts.send(launch);
        if (plan != null) {
            acts.send(new PlanSample(programmeId, plan));
        }
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId))
                .body(new Created.Programme(programmeId));
    }

    @Access(Rule.SIGNED_IN)
    @GetMapping
    @Operation(summary = "List programmes")
    public List<ProgrammeSummary> list() {
        List<ProgrammeSummary> all = acts.askMany(new FindProgrammes(), ProgrammeSummary.class);
        Identity user = Identity.current().orElseThrow();
        if (user.seesEveryProgramme()) {
            return all;
        }
        // only the programmes the user is a member of: the others' existence is not disclosed
        java.util.Set<String> mine = new java.util.HashSet<>();
        memberships.of(user.name()).forEach(m -> mine.add(m.programmeId()));
        return all.stream().filter(p -> mine.contains(p.programmeId())).toList();
    }

    public record MemberRequest(String role, String organisation, String reason) {}

    public record RevokeRequest(String reason) {}

    @Access(Rule.OVERSEE)
    @GetMapping("/{programmeId}/members")
    @Operation(
            summary = "The programme's members: user, role in this programme, organisation (commissioners "
                    + "and providers), since, granted by")
    public List<MemberView> members(@PathVariable String programmeId) {
        return acts.askMany(new FindMembers(programmeId), MemberView.class);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.GOVERN)
    @PutMapping("/{programmeId}/members/{username}")
    @Operation(
            summary = "Grant a user membership in a role (again: change it); organisation for COMMISSIONER "
                    + "and PROVIDER only; with a reason")
    public ResponseEntity<Void> grant(
            @PathVariable String programmeId, @PathVariable String username, @RequestBody MemberRequest request) {
        Acts.body(request);
        acts.send(new GrantMembership(
                programmeId,
                username,
                Acts.parse(MemberRole.class, "role", request.role()),
                request.organisation(),
                request.reason()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.GOVERN)
    @DeleteMapping("/{programmeId}/members/{username}")
    @Operation(summary = "Revoke a user's membership, with a reason (the programme keeps at least one facilitator)")
    public ResponseEntity<Void> revoke(
            @PathVariable String programmeId, @PathVariable String username, @RequestBody RevokeRequest request) {
        Acts.body(request);
        acts.send(new RevokeMembership(programmeId, username, request.reason()));
        return ResponseEntity.noContent().build();
    }

    @Access(Rule.READ)
    @GetMapping("/{programmeId}")
    @Operation(summary = "The programme: purpose, level, sample plan, participants, collection figures, advisories")
    public ProgrammeView get(@PathVariable String programmeId) {
        return acts.find(new FindProgramme(programmeId), ProgrammeView.class, "programme", programmeId);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PutMapping("/{programmeId}/sample-plan")
    @Operation(summary = "Record or replace the sample plan (what/how/who/where/when/quantity/populationSize)")
    public ResponseEntity<Void> planSample(@PathVariable String programmeId, @RequestBody SamplePlanRequest request) {
        acts.send(new PlanSample(programmeId, Acts.body(request).toPlan()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/{programmeId}/participants")
    @Operation(
            summary = "Register a workshop participant with their perspective (username links a login for own votes)")
    public ResponseEntity<Created.Participant> register(
            @PathVariable String programmeId, @RequestBody ParticipantRequest request) {
        Acts.body(request);
        String participantId = Acts.newId();
        acts.send(new RegisterParticipant(
                programmeId,
                participantId,
                request.name(),
                Acts.parse(Perspective.class, "perspective", request.perspective()),
                request.username()));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/participants/" + participantId))
                .body(new Created.Participant(participantId));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @Access(Rule.GOVERN)
    @PostMapping("/{programmeId}/people/{person}/forget")
    @Operation(
            summary =
                    "Forget a person: recorded, their words hidden at once; their key is then destroyed by the erasure "
                            + "process (202; follow Location for the status: PENDING, then DONE)")
    public ResponseEntity<Created.Forgotten> forget(
            @PathVariable String programmeId,
            @PathVariable String person,
            @RequestBody(required = false) ForgetRequest request) {
        String reason = request == null ? null : request.reason();
        acts.send(new ForgetPerson(programmeId, person, reason));
        return erasureAsked(programmeId, person);
    }

    /** 202: the erasure is asked for; its status resource says when the key is gone. */
    private static ResponseEntity<Created.Forgotten> erasureAsked(String programmeId, String subject) {
        String status = "/api/programmes/" + programmeId + "/erasures/" + subject;
        return ResponseEntity.accepted()
                .location(URI.create(status))
                .body(new Created.Forgotten(programmeId, subject, ErasureView.Status.PENDING.name(), status));
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @Access(Rule.GOVERN)
    @PostMapping("/{programmeId}/participants/{participantId}/forget")
    @Operation(
            summary = "Forget a participant's name: hidden at once, its key then destroyed (202; follow "
                    + "Location: PENDING, then DONE)")
    public ResponseEntity<Created.Forgotten> forgetParticipant(
            @PathVariable String programmeId,
            @PathVariable String participantId,
            @RequestBody(required = false) ForgetRequest request) {
        acts.send(new ForgetParticipant(programmeId, participantId, request == null ? null : request.reason()));
        return erasureAsked(programmeId, ParticipantRegistered.subject(participantId));
    }

    @Access(Rule.OVERSEE)
    @GetMapping("/{programmeId}/erasures/{person}")
    @Operation(
            summary = "Where a person's erasure stands: PENDING (words hidden, key not yet destroyed) or "
                    + "DONE (key destroyed)")
    public ErasureView erasure(@PathVariable String programmeId, @PathVariable String person) {
        return acts.find(new FindErasure(programmeId, person), ErasureView.class, "erasure", person);
    }
}
