package org.goldenthread.programme;

/** Answered with a list of {@link ProgrammeSummary}. */
public record FindProgrammes() {
}
