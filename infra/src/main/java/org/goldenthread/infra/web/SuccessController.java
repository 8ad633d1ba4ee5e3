package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.success.DefineMeasure;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.kernel.success.ReviseSuccessStatement;
import org.goldenthread.kernel.success.SuccessPerspective;
import org.goldenthread.kernel.success.WriteSuccessStatement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 5, Identify success: success statements per perspective, and their measures. */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "Identify success")
public class SuccessController {

    public record StatementRequest(String perspective, String text, List<String> rootCauseIds) {}

    public record RevisionRequest(String text, List<String> rootCauseIds, String reason) {}

    public record MeasureRequest(
            String kind,
            String description,
            String dataSource,
            Boolean alreadyCollected,
            Boolean proxy,
            String unit,
            String direction,
            String owner,
            String frequency) {}

    private final Acts acts;

    public SuccessController(Acts acts) {
        this.acts = acts;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/themes/{themeId}/success-statements")
    @Operation(
            summary = "Write a success statement from one perspective (PEOPLE_CARERS_FAMILIES \"I …\", "
                    + "COMMISSIONERS or PROVIDERS \"We …\") answering chosen root causes")
    public ResponseEntity<Created.SuccessStatement> write(
            @PathVariable String programmeId, @PathVariable String themeId, @RequestBody StatementRequest request) {
        Acts.body(request);
        String successId = Acts.newId();
        acts.send(new WriteSuccessStatement(
                programmeId,
                successId,
                themeId,
                Acts.parse(SuccessPerspective.class, "perspective", request.perspective()),
                request.text(),
                request.rootCauseIds()));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/success-statements/" + successId))
                .body(new Created.SuccessStatement(successId));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PutMapping("/success-statements/{successId}")
    @Operation(
            summary = "Revise a success statement's words or root causes, with the reason; the earlier "
                    + "version stays in history")
    public ResponseEntity<Void> revise(
            @PathVariable String programmeId, @PathVariable String successId, @RequestBody RevisionRequest request) {
        Acts.body(request);
        acts.send(new ReviseSuccessStatement(
                programmeId, successId, request.text(), request.rootCauseIds(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/success-statements/{successId}/measures")
    @Operation(
            summary = "\"How else would you know?\": define a measure (QUALITATIVE or QUANTITATIVE; "
                    + "direction INCREASE, DECREASE or MAINTAIN)")
    public ResponseEntity<Created.Measure> measure(
            @PathVariable String programmeId, @PathVariable String successId, @RequestBody MeasureRequest request) {
        Acts.body(request);
        MeasureKind kind = Acts.parse(MeasureKind.class, "kind", request.kind());
        MeasureDirection direction = Acts.parse(MeasureDirection.class, "direction", request.direction());
        boolean alreadyCollected = request.alreadyCollected() != null && request.alreadyCollected();
        boolean proxy = request.proxy() != null && request.proxy();
        String measureId = Acts.newId();
        acts.send(new DefineMeasure(
                programmeId,
                measureId,
                successId,
                kind,
                request.description(),
                request.dataSource(),
                alreadyCollected,
                proxy,
                request.unit(),
                direction,
                request.owner(),
                request.frequency()));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/measures/" + measureId))
                .body(new Created.Measure(measureId));
    }
}
