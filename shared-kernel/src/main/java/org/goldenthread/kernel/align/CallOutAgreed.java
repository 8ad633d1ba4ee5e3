package org.goldenthread.kernel.align;

import org.axonframework.serialization.Revision;

/** {@code partyId} agreed to call out the behaviour; {@code byBoth} once the other party had already. */
@Revision("1")
public record CallOutAgreed(String alignmentId, String valueId, String partyId, boolean byBoth) {}
