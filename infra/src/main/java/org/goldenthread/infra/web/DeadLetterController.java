package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.infra.store.DeadLetters;
import org.goldenthread.kernel.Require;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' view of the read models' dead letters (ADMIN; AUDITOR may read): events a projection could not apply,
 * with the programmes whose later events wait behind them. Retry applies them again (after the fault is fixed);
 * evict drops them, leaving that read model without them — a last resort, logged with who and why.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Operations")
public class DeadLetterController {

    public record EvictRequest(String reason) {}

    public record Evicted(String processor, String sequenceId, long evicted) {}

    private final DeadLetters.Admin deadLetters;
    private final Acts acts;

    public DeadLetterController(DeadLetters.Admin deadLetters, Acts acts) {
        this.deadLetters = deadLetters;
        this.acts = acts;
    }

    private String processor(String name) {
        if (!deadLetters.groups().contains(name)) {
            throw new org.goldenthread.kernel.UnknownReference("processor", name);
        }
        return name;
    }

    @Access(Rule.OPERATE_READ)
    @GetMapping
    @Operation(
            summary = "Every dead letter, by read model and programme (never the events' words); with "
                    + "Min-Event-Position, " + "once every read model has processed it")
    public List<DeadLetters.Sequence> list() {
        acts.awaitEveryReadModel();
        return deadLetters.list();
    }

    @Access(Rule.OPERATE)
    @PostMapping("/{processor}/retry")
    @Operation(summary = "Apply a read model's dead letters again, oldest programme first; what fails again stays")
    public DeadLetters.Retried retryAll(@PathVariable String processor) {
        return deadLetters.retry(processor(processor), null);
    }

    @Access(Rule.OPERATE)
    @PostMapping("/{processor}/{sequenceId}/retry")
    @Operation(summary = "Apply one programme's dead letters of a read model again")
    public DeadLetters.Retried retry(@PathVariable String processor, @PathVariable String sequenceId) {
        return deadLetters.retry(processor(processor), sequenceId);
    }

    @Access(Rule.OPERATE)
    @DeleteMapping("/{processor}/{sequenceId}")
    @Operation(
            summary = "Drop one programme's dead letters of a read model without applying them (a reason is required)")
    public Evicted evict(
            @PathVariable String processor, @PathVariable String sequenceId, @RequestBody EvictRequest request) {
        String reason = Require.text("reason", Acts.body(request).reason(), 500);
        String actor = SecurityContextHolder.getContext().getAuthentication().getName();
        return new Evicted(processor, sequenceId, deadLetters.evict(processor(processor), sequenceId, actor, reason));
    }
}
