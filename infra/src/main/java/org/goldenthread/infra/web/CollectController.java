package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.collect.ImportRejected;
import org.goldenthread.kernel.collect.ImportReport;
import org.goldenthread.kernel.collect.ImportStatements;
import org.goldenthread.kernel.collect.LineError;
import org.goldenthread.kernel.collect.RecordReview;
import org.goldenthread.kernel.collect.StatementInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 2, Collect: reviews with statements in people's own words, one at a time or from CSV. */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "Collect")
public class CollectController {

    public record ReviewRequest(String person, List<StatementRequest> statements) {}

    public record StatementRequest(String category, Integer priority, String text) {}

    public record ReviewRecordedResponse(String reviewId, List<String> statementIds) {}

    private final Acts acts;
    private final StatementCsv csv;

    public CollectController(Acts acts, StatementCsv csv) {
        this.acts = acts;
        this.csv = csv;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/reviews")
    @Operation(
            summary = "Record a person's review (a pseudonym, never a name) with at most two statements per category")
    public ResponseEntity<ReviewRecordedResponse> record(
            @PathVariable String programmeId, @RequestBody ReviewRequest request) {
        Acts.body(request);
        if (request.statements() == null || request.statements().isEmpty()) {
            throw new InvalidInput("statements", "statements must name at least one statement");
        }
        List<StatementInput> statements = new ArrayList<>();
        for (int i = 0; i < request.statements().size(); i++) {
            StatementRequest s = request.statements().get(i);
            String at = "statements[" + i + "]";
            if (s == null) {
                throw new InvalidInput(at, at + " is required");
            }
            if (s.priority() == null) {
                throw new InvalidInput(at + ".priority", at + ".priority must be 1 or 2");
            }
            try {
                statements.add(new StatementInput(
                        Acts.newId(), Category.parse(at + ".category", s.category()), s.priority(), s.text()));
            } catch (InvalidInput e) {
                throw e.field().startsWith("statements")
                        ? e
                        : new InvalidInput(at + "." + e.field(), at + "." + e.getMessage());
            }
        }
        String reviewId = Acts.newId();
        acts.send(new RecordReview(programmeId, reviewId, request.person(), statements));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/reviews/" + reviewId))
                .body(new ReviewRecordedResponse(
                        reviewId,
                        statements.stream().map(StatementInput::statementId).toList()));
    }

    @Access(Rule.FACILITATE)
    @PostMapping(value = "/statements/import", consumes = "text/csv")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "201",
            description = "Imported: every row recorded")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "Dry run: every row valid, nothing recorded")
    @Operation(
            summary = "Import statements from CSV (person,category,priority,text; UTF-8; quoted fields). "
                    + "All or nothing: any bad line rejects the file and every bad line is listed. "
                    + "dryRun=true only validates.")
    public ResponseEntity<ImportReport> importCsv(
            @PathVariable String programmeId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestBody(required = false) byte[] body) {
        StatementCsv.Parsed parsed = csv.read(body);
        if (!parsed.shapeErrors().isEmpty()) {
            // list every bad line: the shape errors and whatever the programme's rules find in the other rows
            List<LineError> errors = new ArrayList<>(parsed.shapeErrors());
            if (!parsed.rows().isEmpty()) {
                try {
                    acts.send(new ImportStatements(programmeId, parsed.rows(), true));
                } catch (RefusedAct rejected) {
                    if (rejected.refusal().lines().isEmpty()) {
                        throw rejected;
                    }
                    rejected.refusal()
                            .lines()
                            .forEach(l -> errors.add(new LineError(l.line(), l.field(), l.rule(), l.reason())));
                }
            }
            errors.sort(Comparator.comparingInt(LineError::line));
            throw new ImportRejected(errors);
        }
        ImportReport report = acts.send(new ImportStatements(programmeId, parsed.rows(), dryRun));
        return ResponseEntity.status(dryRun ? HttpStatus.OK : HttpStatus.CREATED)
                .body(report);
    }
}
