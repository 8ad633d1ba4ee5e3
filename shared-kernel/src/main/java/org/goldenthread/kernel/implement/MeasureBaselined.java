package org.goldenthread.kernel.implement;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MeasureBaselined(String programmeId, String measureId, Reading baseline) {}
