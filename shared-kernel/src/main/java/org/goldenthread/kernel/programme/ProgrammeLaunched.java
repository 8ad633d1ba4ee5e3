package org.goldenthread.kernel.programme;

public record ProgrammeLaunched(String programmeId, String purpose, Level level) {}
