package org.goldenthread.kernel.programme;

import org.axonframework.serialization.Revision;

@Revision("1")
public record ProgrammeLaunched(String programmeId, String purpose, Level level) {}
