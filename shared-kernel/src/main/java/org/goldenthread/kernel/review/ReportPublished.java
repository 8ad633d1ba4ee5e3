package org.goldenthread.kernel.review;

public record ReportPublished(String programmeId, String reportId, int cycle) {}
