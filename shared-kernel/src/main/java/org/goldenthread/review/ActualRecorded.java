package org.goldenthread.review;

import org.goldenthread.implement.Reading;

public record ActualRecorded(String programmeId, String measureId, Reading actual) {
}
