package org.goldenthread.kernel.review;

import java.time.Instant;

public record ReportView(String programmeId, String reportId, int cycle, Instant publishedAt, String publishedBy) {}
