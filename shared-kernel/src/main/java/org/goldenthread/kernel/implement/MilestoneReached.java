package org.goldenthread.kernel.implement;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

@Revision("1")
public record MilestoneReached(
        String programmeId, String planId, String milestoneId, LocalDate reachedOn, String note) {}
