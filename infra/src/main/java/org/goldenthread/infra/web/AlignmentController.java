package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.PartyAccess;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.align.*;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Aligning values before contracting: each party records its values, behaviours or standard clauses; links say which
 * of one party's covers which of the other's; the cover shows what is covered and what is not; both parties agree the
 * behaviours to call out. Only the two organisations' users (and admins and auditors, reading) see an alignment.
 */
@RestController
@RequestMapping("/api/alignments")
@Tag(name = "Values alignment")
public class AlignmentController {

    public record StartRequest(String commissionerId, String providerId, String purpose) {}

    public record ValueRequest(String kind, String code, String text, String source) {}

    public record LinkRequest(String coveringValueId, String coveredValueId, String reason) {}

    public record Started(String alignmentId) {}

    public record ValueCreated(String valueId) {}

    private final Acts acts;
    private final PartyAccess parties;

    public AlignmentController(Acts acts, PartyAccess parties) {
        this.acts = acts;
        this.parties = parties;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.PARTY_ACT)
    @PostMapping
    @Operation(summary = "Start aligning the values of a commissioning and a provider organisation")
    public ResponseEntity<Started> start(@RequestBody StartRequest request) {
        Acts.body(request);
        String id = Acts.newId();
        acts.send(new StartAlignment(id, request.commissionerId(), request.providerId(), request.purpose()));
        return ResponseEntity.created(URI.create("/api/alignments/" + id)).body(new Started(id));
    }

    @Access(Rule.PARTIES)
    @GetMapping("/{alignmentId}")
    @Operation(summary = "Both parties' values with their cover (the uncovered listed) and the agreed call-outs")
    public AlignmentView get(@PathVariable String alignmentId) {
        visible(alignmentId);
        // read as of the client's last write (Min-Event-Position), as every view is
        return acts.find(new FindAlignment(alignmentId), AlignmentView.class, "alignment", alignmentId);
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/{alignmentId}/values")
    @Operation(
            summary = "Record one of your organisation's VALUE, BEHAVIOUR or STANDARD clauses (code, source optional)")
    public ResponseEntity<ValueCreated> record(@PathVariable String alignmentId, @RequestBody ValueRequest request) {
        Acts.body(request);
        visible(alignmentId);
        String id = Acts.newId();
        acts.send(new RecordValue(
                alignmentId,
                id,
                Acts.parse(ValueKind.class, "kind", request.kind()),
                request.code(),
                request.text(),
                request.source()));
        return ResponseEntity.created(URI.create("/api/alignments/" + alignmentId))
                .body(new ValueCreated(id));
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/{alignmentId}/links")
    @Operation(summary = "Say that one party's value (covering) covers the other party's (covered)")
    public ResponseEntity<Void> link(@PathVariable String alignmentId, @RequestBody LinkRequest request) {
        Acts.body(request);
        visible(alignmentId);
        acts.send(new LinkValues(alignmentId, request.coveringValueId(), request.coveredValueId()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @DeleteMapping("/{alignmentId}/links")
    @Operation(summary = "Take a cover link back, with a reason")
    public ResponseEntity<Void> unlink(@PathVariable String alignmentId, @RequestBody LinkRequest request) {
        Acts.body(request);
        visible(alignmentId);
        acts.send(new UnlinkValues(alignmentId, request.coveringValueId(), request.coveredValueId(), request.reason()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.PARTY_ACT)
    @PostMapping("/{alignmentId}/values/{valueId}/call-out")
    @Operation(summary = "Agree, for your organisation, to call this behaviour out when it is not lived")
    public ResponseEntity<Void> callOut(@PathVariable String alignmentId, @PathVariable String valueId) {
        visible(alignmentId);
        acts.send(new AgreeToCallOut(alignmentId, valueId));
        return ResponseEntity.noContent().build();
    }

    /** 404 unless the user may see it (the views themselves are read as of the client's last write). */
    private void visible(String alignmentId) {
        parties.alignment(Identity.current().orElseThrow(), alignmentId);
    }
}
