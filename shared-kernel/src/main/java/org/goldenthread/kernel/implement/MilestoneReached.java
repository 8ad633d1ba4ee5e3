package org.goldenthread.kernel.implement;

import java.time.LocalDate;

public record MilestoneReached(
        String programmeId, String planId, String milestoneId, LocalDate reachedOn, String note) {}
