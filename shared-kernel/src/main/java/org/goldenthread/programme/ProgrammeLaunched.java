package org.goldenthread.programme;

public record ProgrammeLaunched(String programmeId, String purpose, Level level) {
}
