package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.PartyAccess;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.infra.store.ChainVerifier;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence for auditors: recompute a programme's (or a contract's) hash chain from its stored events and say
 * whether it holds, or the first event where it breaks and how (MISSING, REORDERED, INSERTED, ALTERED); given a head
 * published earlier, whether it is still in the chain.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Audit")
public class AuditController {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .findAndRegisterModules()
                    .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final ObjectProvider<ChainVerifier> verifier;
    private final PartyAccess parties;
    private final Acts acts;

    public AuditController(ObjectProvider<ChainVerifier> verifier, PartyAccess parties, Acts acts) {
        this.verifier = verifier;
        this.parties = parties;
        this.acts = acts;
    }

    @Access(Rule.OVERSEE)
    @GetMapping("/programmes/{programmeId}/audit/verify")
    @Operation(
            summary = "Recompute the programme's hash chain: verified (events, head hash) or the first break and how; "
                    + "with head, whether that published head is still in the chain")
    public ChainVerifier.Verification verifyProgramme(
            @PathVariable String programmeId,
            @Parameter(description = "a head hash published earlier (64 hex digits)") @RequestParam(required = false)
                    String head) {
        return verify("programme", programmeId, head);
    }

    @Access(Rule.PARTIES)
    @GetMapping("/contracts/{contractId}/audit/verify")
    @Operation(summary = "Recompute the contract's hash chain, as for a programme")
    public ChainVerifier.Verification verifyContract(
            @PathVariable String contractId,
            @Parameter(description = "a head hash published earlier (64 hex digits)") @RequestParam(required = false)
                    String head) {
        parties.contract(Identity.current().orElseThrow(), contractId);
        return verify("contract", contractId, head);
    }

    @Access(Rule.PARTIES)
    @GetMapping("/alignments/{alignmentId}/audit/verify")
    @Operation(summary = "Recompute the values alignment's hash chain (its parties; admins and auditors)")
    public ChainVerifier.Verification verifyAlignment(
            @PathVariable String alignmentId,
            @Parameter(description = "a head hash published earlier (64 hex digits)") @RequestParam(required = false)
                    String head) {
        parties.alignment(Identity.current().orElseThrow(), alignmentId);
        return verify("alignment", alignmentId, head);
    }

    @Access(Rule.OPERATE_READ)
    @GetMapping("/organisations/{organisationId}/audit/verify")
    @Operation(summary = "Recompute an organisation's hash chain (who acts for it, and since when): admins, auditors")
    public ChainVerifier.Verification verifyOrganisation(
            @PathVariable String organisationId,
            @Parameter(description = "a head hash published earlier (64 hex digits)") @RequestParam(required = false)
                    String head) {
        return verify("organisation", organisationId, head);
    }

    private ChainVerifier.Verification verify(String kind, String id, String head) {
        if (head != null && !head.isBlank() && !head.strip().matches("[0-9a-f]{64}")) {
            throw new org.goldenthread.kernel.InvalidInput("head", "head must be a SHA-256 hash: 64 hex digits");
        }
        ChainVerifier v = verifier.getIfAvailable();
        if (v == null) {
            throw new RuleViolation(
                    "tamper-evidence-needs-the-jdbc-store",
                    "the hash chain is kept by the JDBC event store (embedded H2 or PostgreSQL), not Axon Server");
        }
        ChainVerifier.Verification result = v.verify(id, head == null || head.isBlank() ? null : head.strip());
        if (result == null) {
            throw new UnknownReference(kind, id);
        }
        return result;
    }

    // ---- the audit timeline

    @Access(Rule.OVERSEE)
    @GetMapping("/programmes/{programmeId}/audit")
    @Operation(
            summary = "Every act of the programme, oldest first: time, actor, role, type, a summary, its subject, "
                    + "correlationId (the act's command) and traceId (the chain's first message); filtered, paged")
    public org.goldenthread.kernel.audit.AuditPage timeline(
            @PathVariable String programmeId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @Parameter(description = "the id of the thing acted on (a statement, a theme, a KPI…)")
                    @RequestParam(required = false)
                    String subject,
            @RequestParam(required = false, defaultValue = "0") int page,
            @RequestParam(required = false, defaultValue = "50") int size) {
        if (size == 0) {
            throw new org.goldenthread.kernel.InvalidInput("size", "size must be between 1 and 500");
        }
        return page(programmeId, from, to, actor, type, subject, page, size);
    }

    @Access(Rule.OVERSEE)
    @GetMapping(value = "/programmes/{programmeId}/audit.csv", produces = "text/csv")
    @Operation(summary = "The programme's audit timeline as CSV (same filters, every entry)")
    public org.springframework.http.ResponseEntity<byte[]> timelineCsv(
            @PathVariable String programmeId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject) {
        var all = page(programmeId, from, to, actor, type, subject, 0, 0);
        java.io.StringWriter out = new java.io.StringWriter();
        try (org.apache.commons.csv.CSVPrinter csv = new org.apache.commons.csv.CSVPrinter(
                out,
                org.apache.commons.csv.CSVFormat.DEFAULT
                        .builder()
                        .setHeader(
                                "position",
                                "at",
                                "actor",
                                "role",
                                "type",
                                "subjectType",
                                "subjectId",
                                "summary",
                                "correlationId",
                                "traceId")
                        .get())) {
            for (var e : all.entries()) {
                csv.printRecord(
                        e.position(),
                        e.at(),
                        org.goldenthread.infra.report.DashboardPages.cell(e.actor()),
                        e.role(),
                        e.type(),
                        e.subjectType(),
                        e.subjectId(),
                        org.goldenthread.infra.report.DashboardPages.cell(e.summary()),
                        e.correlationId(),
                        e.traceId());
            }
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(
                        new org.springframework.http.MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Access(Rule.OVERSEE)
    @GetMapping(value = "/programmes/{programmeId}/audit.ndjson", produces = "application/x-ndjson")
    @Operation(summary = "The programme's audit timeline as NDJSON, one entry a line (same filters, every entry)")
    public org.springframework.http.ResponseEntity<byte[]> timelineNdjson(
            @PathVariable String programmeId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject) {
        var all = page(programmeId, from, to, actor, type, subject, 0, 0);
        StringBuilder out = new StringBuilder();
        try {
            for (var e : all.entries()) {
                out.append(JSON.writeValueAsString(e)).append('\n');
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
        return org.springframework.http.ResponseEntity.ok()
                .contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson"))
                .body(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Access(Rule.PARTIES)
    @GetMapping("/contracts/{contractId}/audit")
    @Operation(summary = "Every act on the contract, as for a programme (its parties; admins and auditors)")
    public org.goldenthread.kernel.audit.AuditPage contractTimeline(
            @PathVariable String contractId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false, defaultValue = "0") int page,
            @RequestParam(required = false, defaultValue = "50") int size) {
        parties.contract(Identity.current().orElseThrow(), contractId);
        if (size == 0) {
            throw new org.goldenthread.kernel.InvalidInput("size", "size must be between 1 and 500");
        }
        return page(contractId, from, to, actor, type, subject, page, size);
    }

    private org.goldenthread.kernel.audit.AuditPage page(
            String stream, String from, String to, String actor, String type, String subject, int page, int size) {
        return acts.ask(
                new org.goldenthread.kernel.audit.FindAuditTimeline(
                        stream,
                        Acts.instant("from", from),
                        Acts.instant("to", to),
                        blank(actor),
                        blank(type),
                        blank(subject),
                        page,
                        size),
                org.goldenthread.kernel.audit.AuditPage.class);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
