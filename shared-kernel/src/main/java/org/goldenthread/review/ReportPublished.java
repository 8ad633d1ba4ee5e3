package org.goldenthread.review;

public record ReportPublished(String programmeId, String reportId, int cycle) {
}
