package org.goldenthread.kernel.audit;

import java.time.Instant;

/**
 * One act in the timeline: when, who (actor, role), what (the event type and a human summary), its subject (the
 * thing acted on: a statement, a theme, a KPI…), and how it hangs together with other acts — {@code correlationId}
 * (Axon's: the message that caused it, the act's command) and {@code traceId} (Axon's: the first message of the chain
 * it belongs to). Never any person's words: sealed words are not summarised.
 */
public record AuditEntry(
        long position,
        String eventId,
        String stream,
        String streamType,
        long sequenceNumber,
        Instant at,
        String actor,
        String role,
        String type,
        String step,
        String subjectType,
        String subjectId,
        String summary,
        String correlationId,
        String traceId) {}
