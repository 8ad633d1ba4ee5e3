package org.goldenthread.kernel.learn;

import java.time.Instant;
import java.util.List;

/** What worked and what did not about the process itself, from one perspective. */
public record ProcessReviewView(
        String reviewId,
        int cycle,
        String perspective,
        List<String> working,
        List<String> notWorking,
        Instant recordedAt,
        String recordedBy) {}
