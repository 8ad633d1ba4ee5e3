package org.goldenthread.kernel.collect;

import java.util.List;

public record ReviewRecorded(String programmeId, String reviewId, String person, List<String> statementIds) {
    public ReviewRecorded {
        statementIds = org.goldenthread.kernel.Lists.normal(statementIds);
    }
}
