package org.goldenthread.kernel.align;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * A party records one of its values, behaviours or standard clauses ({@code code} optional, e.g. "1.2" of a published
 * standard; {@code source} optional: the standard's name). The party is the organisation the actor acts for.
 */
public record RecordValue(
        @TargetAggregateIdentifier String alignmentId,
        String valueId,
        ValueKind kind,
        String code,
        String text,
        String source) {
    public RecordValue {
        Require.id("alignmentId", alignmentId);
        Require.id("valueId", valueId);
        Require.present("kind", kind);
        code = Require.optionalText("code", code, 50);
        text = Require.text("text", text, 1000);
        source = Require.optionalText("source", source, 300);
    }
}
