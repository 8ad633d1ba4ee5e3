package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.understand.AskWhy;
import org.goldenthread.kernel.understand.GiveCause;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 4, Understand: five whys on a prioritised NOT_WORKING theme, as a tree of whys and causes. */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "Understand")
public class UnderstandController {

    public record WhyRequest(String question, String perspective, String causeId) {}

    public record CauseRequest(String text, String perspective) {}

    private final Acts acts;

    public UnderstandController(Acts acts) {
        this.acts = acts;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/themes/{themeId}/whys")
    @Operation(summary = "Ask \"why?\" of a prioritised theme, or (with causeId) of a cause given earlier")
    public ResponseEntity<Created.Why> askWhy(
            @PathVariable String programmeId, @PathVariable String themeId, @RequestBody WhyRequest request) {
        Acts.body(request);
        String whyId = Acts.newId();
        acts.send(new AskWhy(
                programmeId,
                whyId,
                themeId,
                request.causeId(),
                request.question(),
                Acts.parse(Perspective.class, "perspective", request.perspective())));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/whys/" + whyId))
                .body(new Created.Why(whyId));
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/whys/{whyId}/causes")
    @Operation(
            summary = "Answer a \"why?\" with a \"because…\" (a why may have several); guard-rail causes "
                    + "are flagged, never refused")
    public ResponseEntity<Created.Cause> giveCause(
            @PathVariable String programmeId, @PathVariable String whyId, @RequestBody CauseRequest request) {
        Acts.body(request);
        String causeId = Acts.newId();
        acts.send(new GiveCause(
                programmeId,
                causeId,
                whyId,
                request.text(),
                Acts.parse(Perspective.class, "perspective", request.perspective())));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/causes/" + causeId))
                .body(new Created.Cause(causeId));
    }
}
