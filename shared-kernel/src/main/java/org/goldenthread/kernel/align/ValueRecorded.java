package org.goldenthread.kernel.align;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ValueRecorded(
        String alignmentId, String valueId, String partyId, ValueKind kind, String code, String text, String source) {}
