package org.goldenthread.kernel.review;

import org.goldenthread.kernel.implement.Reading;

public record ActualRecorded(String programmeId, String measureId, Reading actual) {}
