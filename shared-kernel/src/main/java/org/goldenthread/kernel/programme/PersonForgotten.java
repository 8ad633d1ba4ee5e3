package org.goldenthread.kernel.programme;

import org.axonframework.serialization.Revision;

@Revision("1")
public record PersonForgotten(String programmeId, String person, String reason) {}
