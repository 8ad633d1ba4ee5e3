package org.goldenthread.programme;

public record ProgrammeSummary(String programmeId, String purpose, Level level) {
}
