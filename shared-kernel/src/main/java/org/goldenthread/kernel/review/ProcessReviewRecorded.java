package org.goldenthread.kernel.review;


import org.goldenthread.kernel.Perspective;

import java.util.List;

public record ProcessReviewRecorded(String programmeId, String reviewId, int cycle, Perspective perspective,
                                    List<String> working, List<String> notWorking) {
}
