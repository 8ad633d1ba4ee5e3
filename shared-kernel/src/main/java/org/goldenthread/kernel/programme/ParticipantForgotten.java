package org.goldenthread.kernel.programme;

import org.axonframework.serialization.Revision;

/** A participant's name is to be erased: hidden at once, its key destroyed by the erasure process. */
@Revision("1")
public record ParticipantForgotten(String programmeId, String participantId, String reason) {}
