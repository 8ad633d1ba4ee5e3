package org.goldenthread.kernel.learn;

/** A published WTfC report. Answered with a {@link ReportView}, or null when there is none. */
public record FindReport(String programmeId, String reportId) {}
