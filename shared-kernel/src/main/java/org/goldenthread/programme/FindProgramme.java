package org.goldenthread.programme;

/** Answered with a {@link ProgrammeView}. */
public record FindProgramme(String programmeId) {
}
