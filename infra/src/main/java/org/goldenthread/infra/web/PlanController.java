package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Require;
import org.goldenthread.kernel.plan.DropIdea;
import org.goldenthread.kernel.plan.IdeaMode;
import org.goldenthread.kernel.plan.PlaceIdea;
import org.goldenthread.kernel.plan.ProposeIdea;
import org.goldenthread.kernel.plan.RecordAlreadyInPlace;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 6, Plan: what is already in place, ideas in three modes, the effort/impact grid, dropping ideas. */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "Plan")
public class PlanController {

    public record InPlaceRequest(String description) {}

    public record IdeaRequest(String mode, String text, List<String> rootCauseIds) {}

    public record PlacementRequest(String participantId, Integer effort, Integer impact) {}

    public record DropRequest(String reason) {}

    private final Acts acts;

    public PlanController(Acts acts) {
        this.acts = acts;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/themes/{themeId}/in-place")
    @Operation(summary = "Record something already in place for a prioritised theme, before new ideas")
    public ResponseEntity<Created.InPlaceItem> inPlace(
            @PathVariable String programmeId, @PathVariable String themeId, @RequestBody InPlaceRequest request) {
        Acts.body(request);
        String itemId = Acts.newId();
        acts.send(new RecordAlreadyInPlace(programmeId, itemId, themeId, request.description()));
        return ResponseEntity.created(
                        URI.create("/api/programmes/" + programmeId + "/themes/" + themeId + "/in-place/" + itemId))
                .body(new Created.InPlaceItem(itemId));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/themes/{themeId}/ideas")
    @Operation(
            summary = "Propose an idea in a mode (TRADITIONAL, RADICAL, DIFFERENT), optionally naming the "
                    + "root causes it tackles")
    public ResponseEntity<Created.Idea> propose(
            @PathVariable String programmeId, @PathVariable String themeId, @RequestBody IdeaRequest request) {
        Acts.body(request);
        String ideaId = Acts.newId();
        acts.send(new ProposeIdea(
                programmeId,
                ideaId,
                themeId,
                Acts.parse(IdeaMode.class, "mode", request.mode()),
                request.text(),
                request.rootCauseIds()));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/ideas/" + ideaId))
                .body(new Created.Idea(ideaId));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.VOTE)
    @PostMapping("/ideas/{ideaId}/placements")
    @Operation(
            summary = "Place a chosen idea on the effort (x) / impact (y) grid, 1–10 each; a later "
                    + "placement replaces the participant's own")
    public ResponseEntity<Void> place(
            @PathVariable String programmeId, @PathVariable String ideaId, @RequestBody PlacementRequest request) {
        Acts.body(request);
        acts.send(new PlaceIdea(
                programmeId,
                ideaId,
                request.participantId(),
                Require.present("effort", request.effort()),
                Require.present("impact", request.impact())));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/ideas/{ideaId}/drop")
    @Operation(summary = "Drop an idea (e.g. a thankless task), with the reason")
    public ResponseEntity<Void> drop(
            @PathVariable String programmeId, @PathVariable String ideaId, @RequestBody DropRequest request) {
        acts.send(new DropIdea(programmeId, ideaId, Acts.body(request).reason()));
        return ResponseEntity.noContent().build();
    }
}
