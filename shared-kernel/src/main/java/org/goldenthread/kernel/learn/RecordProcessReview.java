package org.goldenthread.kernel.learn;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.Require;

/** The "working / not working" exercise about the process itself, from one perspective. */
public record RecordProcessReview(
        @TargetAggregateIdentifier String programmeId,
        String reviewId,
        Perspective perspective,
        List<String> working,
        List<String> notWorking) {
    public RecordProcessReview {
        Require.id("programmeId", programmeId);
        Require.id("reviewId", reviewId);
        Require.present("perspective", perspective);
        working = Require.optionalTexts("working", working, 500);
        notWorking = Require.optionalTexts("notWorking", notWorking, 500);
        if (working.isEmpty() && notWorking.isEmpty()) {
            throw new org.goldenthread.kernel.InvalidInput("working", "say at least one thing that worked or did not");
        }
    }
}
