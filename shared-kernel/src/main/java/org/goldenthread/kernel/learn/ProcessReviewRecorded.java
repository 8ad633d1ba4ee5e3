package org.goldenthread.kernel.learn;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Perspective;

@Revision("1")
public record ProcessReviewRecorded(
        String programmeId,
        String reviewId,
        int cycle,
        Perspective perspective,
        List<String> working,
        List<String> notWorking) {}
