package org.goldenthread.kernel.contract;

import java.time.LocalDate;

/** A contract review's follow-up action, with its owner and the date it is due. */
public record FollowUp(String action, String owner, LocalDate due) {}
