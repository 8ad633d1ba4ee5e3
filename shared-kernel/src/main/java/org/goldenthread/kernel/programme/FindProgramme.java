package org.goldenthread.kernel.programme;

/** Answered with a {@link ProgrammeView}. */
public record FindProgramme(String programmeId) {}
