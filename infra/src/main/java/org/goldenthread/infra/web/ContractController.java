package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.goldenthread.infra.report.DashboardPages;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.PartyAccess;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.contract.*;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.organisation.FindOrganisation;
import org.goldenthread.kernel.organisation.OrganisationView;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Do stage: contracts between a commissioning and a provider organisation, their KPIs, the provider's agreement,
 * activation, actuals with evidence, revisions, prototype reviews, provider proposals, contract reviews and the KPI
 * dashboard. A contract is seen only by its two organisations' users (anyone else gets 404, as for one that does not
 * exist), and by admins and auditors (reading). Which party may do which act is the contract's own rule (409 naming
 * it).
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Contracts and KPIs")
public class ContractController {

    public record DraftRequest(
            String commissionerId,
            String providerId,
            String service,
            LocalDate periodStart,
            LocalDate periodEnd,
            List<String> programmeIds,
            Integer reportingWindowDays) {}

    public record ReadingRequest(String value, LocalDate date, String source) {}

    public record MeasureRequest(String programmeId, String measureId) {}

    /** A KPI's terms; {@code kind} QUANTITATIVE or QUALITATIVE, {@code level} OUTCOME, OUTPUT or INPUT. */
    public record KpiRequest(
            String name,
            String kind,
            String unit,
            ReadingRequest baseline,
            String target,
            String direction,
            Double tolerance,
            String cadence,
            String level,
            Boolean prototype,
            LocalDate reviewBy,
            MeasureRequest derivedFrom,
            String justification,
            LocalDate effectiveFrom,
            String reason) {

        KpiTerms terms() {
            return new KpiTerms(
                    name,
                    Acts.parse(MeasureKind.class, "kind", kind),
                    unit,
                    baseline == null ? null : new Reading(baseline.value(), baseline.date(), baseline.source()),
                    target,
                    Acts.parse(MeasureDirection.class, "direction", direction),
                    tolerance,
                    Acts.parse(Cadence.class, "cadence", cadence),
                    Acts.parse(KpiLevel.class, "level", level),
                    Boolean.TRUE.equals(prototype),
                    reviewBy);
        }

        MeasureRef measure() {
            return derivedFrom == null ? null : new MeasureRef(derivedFrom.programmeId(), derivedFrom.measureId());
        }
    }

    public record AgreementRequest(String comment) {}

    public record ProposalRequest(String kpiId, KpiRequest kpi) {}

    public record DecisionRequest(Boolean accept, String reason) {}

    public record PrototypeReviewRequest(String outcome, String reason, KpiRequest revision) {}

    public record ActualRequest(LocalDate periodStart, String value, List<Evidence> evidence) {}

    public record ReviewRequest(LocalDate heldOn, String outcomes, List<FollowUp> actions) {}

    public record Drafted(String contractId) {}

    public record KpiCreated(String kpiId) {}

    public record Proposed(String proposalId, String kpiId) {}

    public record ReviewCreated(String reviewId) {}

    private final Acts acts;
    private final PartyAccess parties;
    private final DashboardPages pages;

    public ContractController(Acts acts, PartyAccess parties, DashboardPages pages) {
        this.acts = acts;
        this.parties = parties;
        this.pages = pages;
    }

    // ---- contracts

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts")
    @Operation(
            summary = "Draft a contract (a commissioner's user) with a provider for a service and period, linked to "
                    + "programmes; reportingWindowDays (default 30): days after a period's end its actual is due")
    public ResponseEntity<Drafted> draft(@RequestBody DraftRequest request) {
        Acts.body(request);
        String id = Acts.newId();
        acts.send(new DraftContract(
                id,
                request.commissionerId(),
                request.providerId(),
                request.service(),
                request.periodStart(),
                request.periodEnd(),
                request.programmeIds(),
                request.reportingWindowDays()));
        return ResponseEntity.created(URI.create("/api/contracts/" + id)).body(new Drafted(id));
    }

    @Access(Rule.PARTIES)
    @GetMapping("/contracts")
    @Operation(summary = "The contracts your organisations are party to (all for admins and auditors), newest first")
    public List<ContractView> list() {
        Set<String> visible =
                parties.visibleTo(Identity.current().orElseThrow()).orElse(null);
        return acts.askMany(new FindContracts(visible), ContractView.class);
    }

    @Access(Rule.PARTIES)
    @GetMapping("/contracts/{contractId}")
    @Operation(summary = "A contract with every act on it (KPI versions, actuals, proposals, reviews), optionally asOf")
    public ContractView get(
            @PathVariable String contractId,
            @Parameter(description = "an ISO-8601 instant; now when left out") @RequestParam(required = false)
                    String asOf) {
        visible(contractId);
        Instant at = Acts.instant("asOf", asOf);
        return acts.find(new FindContract(contractId, at), ContractView.class, "contract", contractId);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts/{contractId}/kpis")
    @Operation(
            summary = "Set a KPI in the draft (the commissioner): derivedFrom a programme's measure, or untraced with "
                    + "a justification")
    public ResponseEntity<KpiCreated> agreeKpi(@PathVariable String contractId, @RequestBody KpiRequest request) {
        Acts.body(request);
        visible(contractId);
        String kpiId = Acts.newId();
        acts.send(new AgreeKpi(contractId, kpiId, request.terms(), request.measure(), request.justification()));
        return ResponseEntity.created(URI.create("/api/contracts/" + contractId))
                .body(new KpiCreated(kpiId));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts/{contractId}/agreement")
    @Operation(summary = "The provider agrees the contract and its KPIs (a user of the provider)")
    public ResponseEntity<Void> agree(
            @PathVariable String contractId, @RequestBody(required = false) AgreementRequest request) {
        visible(contractId);
        acts.send(new AgreeContract(contractId, request == null ? null : request.comment()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts/{contractId}/activation")
    @Operation(summary = "Activate the agreed contract (the commissioner)")
    public ResponseEntity<Void> activate(@PathVariable String contractId) {
        visible(contractId);
        acts.send(new ActivateContract(contractId));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @PutMapping("/contracts/{contractId}/kpis/{kpiId}")
    @Operation(
            summary = "Revise a KPI (the commissioner) with a reason, in force from the period starting "
                    + "effectiveFrom; earlier periods keep their target")
    public ResponseEntity<Void> revise(
            @PathVariable String contractId, @PathVariable String kpiId, @RequestBody KpiRequest request) {
        Acts.body(request);
        visible(contractId);
        acts.send(new ReviseKpi(contractId, kpiId, request.terms(), request.effectiveFrom(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts/{contractId}/proposals")
    @Operation(
            summary = "Propose (the provider) a new KPI, or a revision of kpiId, in force from kpi.effectiveFrom, "
                    + "with kpi.reason")
    public ResponseEntity<Proposed> propose(@PathVariable String contractId, @RequestBody ProposalRequest request) {
        Acts.body(request);
        KpiRequest kpi = request.kpi();
        if (kpi == null) {
            throw new org.goldenthread.kernel.InvalidInput("kpi", "kpi (the proposed KPI's terms) is required");
        }
        visible(contractId);
        String proposalId = Acts.newId();
        String kpiId = request.kpiId() == null || request.kpiId().isBlank() ? Acts.newId() : request.kpiId();
        acts.send(new ProposeKpi(
                contractId,
                proposalId,
                kpiId,
                kpi.terms(),
                kpi.measure(),
                kpi.justification(),
                kpi.effectiveFrom(),
                kpi.reason()));
        return ResponseEntity.created(URI.create("/api/contracts/" + contractId))
                .body(new Proposed(proposalId, kpiId));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts/{contractId}/proposals/{proposalId}/decision")
    @Operation(summary = "Accept or decline a provider's proposal (the commissioner), with a reason")
    public ResponseEntity<Void> decide(
            @PathVariable String contractId, @PathVariable String proposalId, @RequestBody DecisionRequest request) {
        Acts.body(request);
        visible(contractId);
        if (request.accept() == null) {
            throw new org.goldenthread.kernel.InvalidInput("accept", "accept is required (true or false)");
        }
        acts.send(new DecideProposal(contractId, proposalId, request.accept(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts/{contractId}/kpis/{kpiId}/review")
    @Operation(
            summary = "Review a prototype KPI (the commissioner): KEEP, REVISE (with revision's terms and "
                    + "effectiveFrom) or RETIRE, with a reason")
    public ResponseEntity<Void> reviewPrototype(
            @PathVariable String contractId, @PathVariable String kpiId, @RequestBody PrototypeReviewRequest request) {
        Acts.body(request);
        visible(contractId);
        KpiRequest revision = request.revision();
        acts.send(new ReviewPrototypeKpi(
                contractId,
                kpiId,
                Acts.parse(PrototypeOutcome.class, "outcome", request.outcome()),
                request.reason(),
                revision == null ? null : revision.terms(),
                revision == null ? null : revision.effectiveFrom()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts/{contractId}/kpis/{kpiId}/actuals")
    @Operation(
            summary = "Report a KPI's actual for the period starting periodStart, with evidence (QUOTE or STORY, "
                    + "optionally naming a statement of a linked programme)")
    public ResponseEntity<Void> report(
            @PathVariable String contractId, @PathVariable String kpiId, @RequestBody ActualRequest request) {
        Acts.body(request);
        visible(contractId);
        acts.send(new ReportActual(contractId, kpiId, request.periodStart(), request.value(), request.evidence()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/contracts/{contractId}/reviews")
    @Operation(summary = "Record a contract review: its outcomes, and follow-up actions with owners and due dates")
    public ResponseEntity<ReviewCreated> holdReview(
            @PathVariable String contractId, @RequestBody ReviewRequest request) {
        Acts.body(request);
        visible(contractId);
        String reviewId = Acts.newId();
        acts.send(
                new HoldContractReview(contractId, reviewId, request.heldOn(), request.outcomes(), request.actions()));
        return ResponseEntity.created(URI.create("/api/contracts/" + contractId))
                .body(new ReviewCreated(reviewId));
    }

    // ---- dashboards

    @Access(Rule.PARTIES)
    @GetMapping("/contracts/{contractId}/dashboard")
    @Operation(
            summary = "The contract's KPI dashboard: latest actuals against baseline and the target in force, % "
                    + "variance, status, trend, periods due, the outcome/output/input mix, evidence, why each KPI; "
                    + "optionally asOf")
    public DashboardView dashboard(
            @PathVariable String contractId,
            @Parameter(description = "an ISO-8601 instant; now when left out") @RequestParam(required = false)
                    String asOf) {
        visible(contractId);
        Instant at = Acts.instant("asOf", asOf);
        return acts.find(new FindDashboard(contractId, at), DashboardView.class, "contract", contractId);
    }

    @Access(Rule.PARTIES)
    @GetMapping(value = "/contracts/{contractId}/dashboard.html", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The KPI dashboard as a page: a chart per KPI (baseline, target, tolerance band, actuals)")
    public ResponseEntity<byte[]> dashboardPage(
            @PathVariable String contractId,
            @Parameter(description = "an ISO-8601 instant; now when left out") @RequestParam(required = false)
                    String asOf) {
        DashboardView d = dashboard(contractId, asOf);
        String html = pages.html(d, name(d.commissionerId()), name(d.providerId()), base(contractId), query(asOf));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html.getBytes(StandardCharsets.UTF_8));
    }

    @Access(Rule.PARTIES)
    @GetMapping(value = "/contracts/{contractId}/dashboard.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The KPI dashboard as PDF, with the page's charts")
    public ResponseEntity<byte[]> dashboardPdf(
            @PathVariable String contractId,
            @Parameter(description = "an ISO-8601 instant; now when left out") @RequestParam(required = false)
                    String asOf) {
        DashboardView d = dashboard(contractId, asOf);
        byte[] pdf = pages.pdf(d, name(d.commissionerId()), name(d.providerId()), base(contractId), query(asOf));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("kpi-dashboard-" + contractId + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @Access(Rule.PARTIES)
    @GetMapping(value = "/contracts/{contractId}/dashboard.csv", produces = "text/csv")
    @Operation(summary = "Every KPI's series as CSV: a row per period reported, judged against its target in force")
    public ResponseEntity<byte[]> dashboardCsv(
            @PathVariable String contractId,
            @Parameter(description = "an ISO-8601 instant; now when left out") @RequestParam(required = false)
                    String asOf) {
        DashboardView d = dashboard(contractId, asOf);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("kpi-dashboard-" + contractId + ".csv")
                                .build()
                                .toString())
                .body(pages.csv(d).getBytes(StandardCharsets.UTF_8));
    }

    private String name(String organisationId) {
        OrganisationView o = acts.ask(new FindOrganisation(organisationId), OrganisationView.class);
        return o == null ? organisationId : o.name();
    }

    private static String base(String contractId) {
        return "/api/contracts/" + contractId + "/dashboard";
    }

    private static String query(String asOf) {
        return asOf == null || asOf.isBlank()
                ? ""
                : "?asOf=" + java.net.URLEncoder.encode(asOf.strip(), StandardCharsets.UTF_8);
    }

    @Access(Rule.PARTIES)
    @GetMapping("/dashboards")
    @Operation(summary = "The dashboards of the contracts you see, by provider and/or by programme, optionally asOf")
    public List<DashboardView> dashboards(
            @Parameter(description = "a provider organisation's id") @RequestParam(required = false) String provider,
            @Parameter(description = "a programme's id") @RequestParam(required = false) String programme,
            @Parameter(description = "an ISO-8601 instant; now when left out") @RequestParam(required = false)
                    String asOf) {
        Set<String> visible =
                parties.visibleTo(Identity.current().orElseThrow()).orElse(null);
        return acts.askMany(
                new FindDashboards(blankToNull(provider), blankToNull(programme), visible, Acts.instant("asOf", asOf)),
                DashboardView.class);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** 404 unless the user may see it (the views themselves are read as of the client's last write). */
    private void visible(String contractId) {
        parties.contract(Identity.current().orElseThrow(), contractId);
    }
}
