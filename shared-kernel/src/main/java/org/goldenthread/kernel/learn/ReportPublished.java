package org.goldenthread.kernel.learn;

public record ReportPublished(String programmeId, String reportId, int cycle) {}
