package org.goldenthread.kernel.learn;

import java.time.Instant;

public record ReportView(String programmeId, String reportId, int cycle, Instant publishedAt, String publishedBy) {}
