package org.goldenthread.kernel.collect;

import java.util.List;
import org.axonframework.serialization.Revision;

@Revision("1")
public record ReviewRecorded(String programmeId, String reviewId, String person, List<String> statementIds) {
    public ReviewRecorded {
        statementIds = org.goldenthread.kernel.Lists.normal(statementIds);
    }
}
