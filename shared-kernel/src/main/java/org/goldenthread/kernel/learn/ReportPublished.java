package org.goldenthread.kernel.learn;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ReportPublished(String programmeId, String reportId, int cycle) {}
