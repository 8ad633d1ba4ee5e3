package org.goldenthread.collect;

import java.util.List;

public record ReviewRecorded(String programmeId, String reviewId, String person, List<String> statementIds) {
}
