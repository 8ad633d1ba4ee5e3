package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.goldenthread.infra.report.ReportAssembler;
import org.goldenthread.infra.report.ReportRenderer;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.learn.FindProcessReviews;
import org.goldenthread.kernel.learn.ProcessReviewView;
import org.goldenthread.kernel.learn.PublishReport;
import org.goldenthread.kernel.learn.RecordProcessReview;
import org.goldenthread.kernel.learn.StartNextCycle;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Step 8, Learning and review: the process reviewed per perspective, the WTfC report (HTML or PDF), the next cycle. */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "Learning and review")
public class LearningController {

    public record ProcessReviewRequest(String perspective, List<String> working, List<String> notWorking) {}

    public record CycleRequest(String reason) {}

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final Acts acts;
    private final ReportAssembler assembler;
    private final ReportRenderer renderer;

    public LearningController(Acts acts, ReportAssembler assembler, ReportRenderer renderer) {
        this.acts = acts;
        this.assembler = assembler;
        this.renderer = renderer;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/process-reviews")
    @Operation(summary = "Record one stakeholder group's \"working / not working\" about the process itself")
    public ResponseEntity<Created.ProcessReview> processReview(
            @PathVariable String programmeId, @RequestBody ProcessReviewRequest request) {
        Acts.body(request);
        String reviewId = Acts.newId();
        acts.send(new RecordProcessReview(
                programmeId,
                reviewId,
                Acts.parse(Perspective.class, "perspective", request.perspective()),
                request.working(),
                request.notWorking()));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/process-reviews/" + reviewId))
                .body(new Created.ProcessReview(reviewId));
    }

    @Access(Rule.READ)
    @GetMapping("/process-reviews")
    @Operation(
            summary = "The process reviews (what worked / what didn't, per perspective) of a cycle, or of every cycle")
    public List<ProcessReviewView> processReviews(
            @PathVariable String programmeId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer cycle) {
        return acts.askMany(new FindProcessReviews(programmeId, cycle), ProcessReviewView.class);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping("/reports")
    @Operation(summary = "Publish the WTfC report for the current cycle; read it at the Location as HTML or PDF")
    public ResponseEntity<Created.Report> publish(@PathVariable String programmeId) {
        String reportId = Acts.newId();
        acts.send(new PublishReport(programmeId, reportId));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/reports/" + reportId))
                .body(new Created.Report(reportId));
    }

    @Access(Rule.READ)
    @GetMapping(
            value = "/reports/{reportId}",
            produces = {MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "The WTfC report as HTML (Accept: text/html, the default) or PDF (Accept: application/pdf)")
    public ResponseEntity<byte[]> report(
            @PathVariable String programmeId,
            @PathVariable String reportId,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return prefersPdf(accept) ? pdf(programmeId, reportId) : html(programmeId, reportId);
    }

    @Access(Rule.READ)
    @GetMapping(value = "/reports/{reportId}.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The WTfC report as HTML")
    public ResponseEntity<byte[]> html(@PathVariable String programmeId, @PathVariable String reportId) {
        byte[] body = renderer.html(assembler.assemble(programmeId, reportId)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(HTML).body(body);
    }

    @Access(Rule.READ)
    @GetMapping(value = "/reports/{reportId}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The WTfC report as PDF")
    public ResponseEntity<byte[]> pdf(@PathVariable String programmeId, @PathVariable String reportId) {
        byte[] body = renderer.pdf(assembler.assemble(programmeId, reportId));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("wtfc-report-" + reportId + ".pdf")
                                .build()
                                .toString())
                .body(body);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/cycles")
    @Operation(summary = "Start the next cycle, carrying the active themes forward so cycles can be compared")
    public ResponseEntity<Void> nextCycle(@PathVariable String programmeId, @RequestBody CycleRequest request) {
        acts.send(new StartNextCycle(programmeId, Acts.body(request).reason()));
        return ResponseEntity.noContent().build();
    }

    /**
     * PDF only when the client names application/pdf (or application/*) with a higher quality than text/html (or
     * text/*);
     * HTML otherwise. Kept rather than two mappings differing in {@code produces}: for {@code Accept: *}{@code /*} (or
     * none)
     * Spring finds those two equally good and refuses the request as ambiguous, where the report must default to HTML.
     */
    static boolean prefersPdf(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (RuntimeException e) {
            return false;
        }
        double pdf = -1;
        double html = -1;
        for (MediaType type : types) {
            double q = type.getQualityValue();
            if (type.includes(MediaType.APPLICATION_PDF) && !type.isWildcardType() && q > pdf) {
                pdf = q;
            }
            if (type.includes(MediaType.TEXT_HTML) && !type.isWildcardType() && q > html) {
                html = q;
            }
        }
        return pdf > 0 && pdf > html;
    }
}
