package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.infra.store.ReadModelRebuilds;
import org.goldenthread.kernel.Require;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read models for operators: how far each is, and a rebuild from the first event (ADMIN; AUDITOR may read the
 * status). A rebuild resets the read models asked for (one, or all in one pass over the events); the others and the
 * service carry on.
 */
@RestController
@RequestMapping("/api/admin/read-models")
@Tag(name = "Operations")
public class ReadModelController {

    public record RebuildRequest(String reason) {}

    private final ReadModelRebuilds rebuilds;

    public ReadModelController(ReadModelRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @Access(Rule.OPERATE_READ)
    @GetMapping
    @Operation(summary = "Every read model: status (LIVE, CATCHING_UP, REBUILDING, STOPPED), position and head")
    public List<ReadModelRebuilds.Status> list() {
        return rebuilds.readModels().stream().map(rebuilds::status).toList();
    }

    @Access(Rule.OPERATE_READ)
    @GetMapping("/{readModel}")
    @Operation(
            summary = "One read model's status; during and after a rebuild also events processed of total, events/s, "
                    + "the time left (etaSeconds), who started it and why")
    public ReadModelRebuilds.Status status(@PathVariable String readModel) {
        return rebuilds.status(readModel);
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @Access(Rule.OPERATE)
    @PostMapping("/{readModel}/rebuild")
    @Operation(summary = "Rebuild the read model from the first event, with a reason (recorded as an event); 202")
    public ResponseEntity<ReadModelRebuilds.Status> rebuild(
            @PathVariable String readModel, @RequestBody RebuildRequest request) {
        Acts.body(request);
        String reason = Require.text("reason", request.reason(), 500);
        ReadModelRebuilds.Status status =
                rebuilds.rebuild(readModel, Identity.current().orElseThrow().name(), reason);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/read-models/" + readModel))
                .body(status);
    }

    @ResponseStatus(HttpStatus.ACCEPTED)
    @Access(Rule.OPERATE)
    @PostMapping("/rebuild")
    @Operation(
            summary = "Rebuild every read model from the first event in one pass over the events, with a reason "
                    + "(recorded as an event per read model); 202 with every read model's status")
    public ResponseEntity<List<ReadModelRebuilds.Status>> rebuildAll(@RequestBody RebuildRequest request) {
        Acts.body(request);
        String reason = Require.text("reason", request.reason(), 500);
        List<ReadModelRebuilds.Status> statuses =
                rebuilds.rebuildAll(Identity.current().orElseThrow().name(), reason);
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/read-models"))
                .body(statuses);
    }
}
