package org.goldenthread.kernel.learn;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.implement.Reading;

@Revision("1")
public record ActualRecorded(String programmeId, String measureId, Reading actual) {}
