package org.goldenthread.kernel.learn;

import java.util.List;
import org.goldenthread.kernel.Perspective;

public record ProcessReviewRecorded(
        String programmeId,
        String reviewId,
        int cycle,
        Perspective perspective,
        List<String> working,
        List<String> notWorking) {}
