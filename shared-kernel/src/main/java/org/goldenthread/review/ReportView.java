package org.goldenthread.review;

import java.time.Instant;

public record ReportView(String programmeId, String reportId, int cycle, Instant publishedAt, String publishedBy) {
}
