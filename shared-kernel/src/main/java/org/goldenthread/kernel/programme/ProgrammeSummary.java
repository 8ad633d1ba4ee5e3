package org.goldenthread.kernel.programme;

public record ProgrammeSummary(String programmeId, String purpose, Level level) {}
