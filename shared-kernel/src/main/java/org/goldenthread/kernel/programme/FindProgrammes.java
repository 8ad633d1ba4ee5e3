package org.goldenthread.kernel.programme;

/** Answered with a list of {@link ProgrammeSummary}. */
public record FindProgrammes() {}
