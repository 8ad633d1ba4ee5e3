package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.ProgrammeAccess;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.ClusterStatement;
import org.goldenthread.kernel.theme.CreateTheme;
import org.goldenthread.kernel.theme.FindBoard;
import org.goldenthread.kernel.theme.MergeThemes;
import org.goldenthread.kernel.theme.ParkStatement;
import org.goldenthread.kernel.theme.RenameTheme;
import org.goldenthread.kernel.theme.SplitTheme;
import org.goldenthread.kernel.theme.UnparkStatement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Step 3, Theme: the card call on one board per category, and its live stream for a second screen. */
@RestController
@RequestMapping("/api/programmes/{programmeId}/boards/{category}")
@Tag(name = "Theme")
public class BoardController {

    public record ThemeRequest(String title, List<String> statementIds) {}

    public record StatementRef(String statementId) {}

    public record TitleRequest(String title) {}

    public record MergeRequest(List<String> themeIds) {}

    private final Acts acts;
    private final BoardStreams streams;
    private final ProgrammeAccess access;

    private final org.goldenthread.infra.store.PointInTime pointInTime;

    public BoardController(
            Acts acts,
            BoardStreams streams,
            ProgrammeAccess access,
            org.goldenthread.infra.store.PointInTime pointInTime) {
        this.pointInTime = pointInTime;
        this.access = access;
        this.acts = acts;
        this.streams = streams;
    }

    private static Category category(String value) {
        return Category.parse("category", value);
    }

    @Access(Rule.READ)
    @GetMapping
    @Operation(
            summary = "The board: themes with their statements, unclustered, parked, retired themes, vote tallies; "
                    + "with asOf, as it stood then (replayed from the events: for audits)")
    public BoardView board(
            @PathVariable String programmeId,
            @PathVariable String category,
            @io.swagger.v3.oas.annotations.Parameter(
                            description = "an ISO-8601 instant, e.g. 2025-03-01T10:00:00Z; now when left out")
                    @org.springframework.web.bind.annotation.RequestParam(required = false)
                    String asOf) {
        java.time.Instant at = Acts.instant("asOf", asOf);
        if (at != null) {
            BoardView then = pointInTime.board(programmeId, category(category), at);
            if (then == null) {
                throw new org.goldenthread.kernel.UnknownReference("programme", programmeId);
            }
            return then;
        }
        return acts.find(new FindBoard(programmeId, category(category)), BoardView.class, "programme", programmeId);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/themes")
    @Operation(summary = "Create a theme from statements, titled with a short \"I\" statement")
    public ResponseEntity<Created.Theme> createTheme(
            @PathVariable String programmeId, @PathVariable String category, @RequestBody ThemeRequest request) {
        Acts.body(request);
        String themeId = Acts.newId();
        acts.send(new CreateTheme(programmeId, category(category), themeId, request.title(), request.statementIds()));
        return ResponseEntity.created(
                        URI.create("/api/programmes/" + programmeId + "/boards/" + category + "/themes/" + themeId))
                .body(new Created.Theme(themeId));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/themes/{themeId}/statements")
    @Operation(summary = "Cluster a statement into this theme, or move it here from another theme")
    public ResponseEntity<Void> cluster(
            @PathVariable String programmeId,
            @PathVariable String category,
            @PathVariable String themeId,
            @RequestBody StatementRef request) {
        acts.send(new ClusterStatement(
                programmeId, category(category), themeId, Acts.body(request).statementId()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/parked")
    @Operation(summary = "Park a statement to return to later")
    public ResponseEntity<Void> park(
            @PathVariable String programmeId, @PathVariable String category, @RequestBody StatementRef request) {
        acts.send(new ParkStatement(
                programmeId, category(category), Acts.body(request).statementId()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @DeleteMapping("/parked/{statementId}")
    @Operation(summary = "Unpark a statement: it returns to the unclustered pile")
    public ResponseEntity<Void> unpark(
            @PathVariable String programmeId, @PathVariable String category, @PathVariable String statementId) {
        acts.send(new UnparkStatement(programmeId, category(category), statementId));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PutMapping("/themes/{themeId}/title")
    @Operation(summary = "Rename a theme")
    public ResponseEntity<Void> rename(
            @PathVariable String programmeId,
            @PathVariable String category,
            @PathVariable String themeId,
            @RequestBody TitleRequest request) {
        acts.send(new RenameTheme(
                programmeId, category(category), themeId, Acts.body(request).title()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/themes/{themeId}/merge")
    @Operation(summary = "Merge other themes into this one; they are retired with lineage, not deleted")
    public ResponseEntity<Void> merge(
            @PathVariable String programmeId,
            @PathVariable String category,
            @PathVariable String themeId,
            @RequestBody MergeRequest request) {
        acts.send(new MergeThemes(
                programmeId, category(category), themeId, Acts.body(request).themeIds()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/themes/{themeId}/split")
    @Operation(summary = "Split statements out of this theme into a new theme (a sub-theme)")
    public ResponseEntity<Created.Theme> split(
            @PathVariable String programmeId,
            @PathVariable String category,
            @PathVariable String themeId,
            @RequestBody ThemeRequest request) {
        Acts.body(request);
        String newThemeId = Acts.newId();
        acts.send(new SplitTheme(
                programmeId, category(category), themeId, newThemeId, request.title(), request.statementIds()));
        return ResponseEntity.created(
                        URI.create("/api/programmes/" + programmeId + "/boards/" + category + "/themes/" + newThemeId))
                .body(new Created.Theme(newThemeId));
    }

    @Access(Rule.READ)
    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            summary = "Server-sent events: the board now, then again after every change (event name 'board'); a screen "
                    + "that stops reading is dropped with a last event 'dropped'; a viewer whose "
                    + "access ends gets a last event 'revoked'")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "A stream of events named 'board', each one the whole board (BoardView) as JSON",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = BoardView.class)))
    public SseEmitter stream(@PathVariable String programmeId, @PathVariable String category) {
        FindBoard query = new FindBoard(programmeId, category(category));
        acts.find(query, BoardView.class, "programme", programmeId);
        Identity viewer = Identity.current().orElseThrow();
        return streams.open(
                query,
                () -> acts.find(query, BoardView.class, "programme", programmeId),
                () -> access.permits(viewer, Rule.READ, programmeId));
    }
}
