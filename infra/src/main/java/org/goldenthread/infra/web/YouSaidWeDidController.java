package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.goldenthread.infra.report.ReportRenderer;
import org.goldenthread.infra.report.YouSaidWeDid;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * "You said, we did": an Easy Read summary of the programme (its members read it; as a page and a PDF, in large
 * type), and one per contributor, following the thread forward from their statements, for the facilitator to send
 * back to them (it holds the person's words: facilitators and admins only, as the subject-access export).
 */
@RestController
@RequestMapping("/api/programmes/{programmeId}")
@Tag(name = "You said, we did")
public class YouSaidWeDidController {

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private final YouSaidWeDid summaries;
    private final ReportRenderer renderer;

    public YouSaidWeDidController(YouSaidWeDid summaries, ReportRenderer renderer) {
        this.summaries = summaries;
        this.renderer = renderer;
    }

    @Access(Rule.READ)
    @GetMapping("/you-said-we-did")
    @Operation(
            summary = "The prioritised themes in people's own words (a few quotes each) and what is being done about "
                    + "each: ideas chosen, plans and their steps, measures, KPIs")
    public YouSaidWeDid.Summary summary(@PathVariable String programmeId) {
        return summaries.programme(programmeId);
    }

    @Access(Rule.READ)
    @GetMapping(value = "/you-said-we-did.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The summary as an Easy Read page (large type, plain words)")
    public ResponseEntity<byte[]> summaryPage(@PathVariable String programmeId) {
        return page(renderer.render("you-said-we-did", Map.of("s", summaries.programme(programmeId))));
    }

    @Access(Rule.READ)
    @GetMapping(value = "/you-said-we-did.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The summary as an Easy Read PDF")
    public ResponseEntity<byte[]> summaryPdf(@PathVariable String programmeId) {
        String html = renderer.render("you-said-we-did", Map.of("s", summaries.programme(programmeId)));
        return pdf(renderer.pdf(html), "you-said-we-did-" + programmeId + ".pdf");
    }

    @Access(Rule.GOVERN)
    @GetMapping("/people/{person}/you-said-we-did")
    @Operation(
            summary = "For one contributor (pseudonym): each statement, the theme it joined and what is being done, "
                    + "along the thread forward")
    public YouSaidWeDid.Contributor contributor(@PathVariable String programmeId, @PathVariable String person) {
        return summaries.contributor(programmeId, person);
    }

    @Access(Rule.GOVERN)
    @GetMapping(value = "/people/{person}/you-said-we-did.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The contributor's summary as an Easy Read page, to send back to them")
    public ResponseEntity<byte[]> contributorPage(@PathVariable String programmeId, @PathVariable String person) {
        return page(renderer.render("you-said-we-did-person", Map.of("c", summaries.contributor(programmeId, person))));
    }

    private static ResponseEntity<byte[]> page(String html) {
        return ResponseEntity.ok().contentType(HTML).body(html.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<byte[]> pdf(byte[] body, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(body);
    }
}
