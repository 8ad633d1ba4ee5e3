package org.goldenthread.kernel.align;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ValuesLinked(String alignmentId, String coveringValueId, String coveredValueId) {}
