package org.goldenthread.kernel.learn;

import org.goldenthread.kernel.implement.Reading;

public record ActualRecorded(String programmeId, String measureId, Reading actual) {}
