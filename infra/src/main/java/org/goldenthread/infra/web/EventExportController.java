package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.ProgrammeAccess;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.infra.store.EventExport;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.programme.FindProgramme;
import org.goldenthread.kernel.programme.ProgrammeView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A programme's events as NDJSON for analysts and auditors (rule ANALYSE), streamed and pseudonymised: see
 * {@link EventExport}. Words are opened only for callers whose role in the programme may read them (not analysts).
 */
@RestController
@RequestMapping("/api/programmes/{programmeId}/events")
@Tag(name = "Events")
public class EventExportController {

    static final String NDJSON = "application/x-ndjson";

    private final EventExport export;
    private final Acts acts;

    public EventExportController(EventExport export, Acts acts) {
        this.export = export;
        this.acts = acts;
    }

    @Access(Rule.ANALYSE)
    @GetMapping(value = "/export", produces = NDJSON)
    @Operation(
            summary = "The programme's events, one JSON object a line (position, type, step, revision, timestamp, "
                    + "actor and people as per-export hashes, payload); words only for roles that may read them, "
                    + "erased words never; resumable after a position")
    public ResponseEntity<StreamingResponseBody> export(
            @PathVariable String programmeId,
            @Parameter(description = "event types, comma-separated (e.g. StatementClustered,ThemeRenamed)")
                    @RequestParam(required = false)
                    String type,
            @Parameter(description = "only events at or after this ISO-8601 instant") @RequestParam(required = false)
                    String from,
            @Parameter(description = "only events at or before this ISO-8601 instant") @RequestParam(required = false)
                    String to,
            @Parameter(description = "resume: only events after this position (a line's position)")
                    @RequestParam(required = false)
                    Long after) {
        acts.find(new FindProgramme(programmeId), ProgrammeView.class, "programme", programmeId);
        if (after != null && after < -1) {
            throw new InvalidInput("after", "after must be a position (-1 or more)");
        }
        Set<String> types = type == null || type.isBlank()
                ? Set.of()
                : Arrays.stream(type.split(","))
                        .map(String::strip)
                        .filter(t -> !t.isEmpty())
                        .collect(Collectors.toSet());
        boolean words =
                ProgrammeAccess.actingRole().map(r -> !r.equals("ANALYST")).orElse(false);
        EventExport.Filter filter = new EventExport.Filter(
                programmeId, types, Acts.instant("from", from), Acts.instant("to", to), after, words);
        StreamingResponseBody body = out -> export.write(filter, out);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }
}
