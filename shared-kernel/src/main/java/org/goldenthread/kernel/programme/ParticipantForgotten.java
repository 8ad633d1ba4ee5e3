package org.goldenthread.kernel.programme;

/** A participant's name is to be erased: hidden at once, its key destroyed by the erasure process. */
public record ParticipantForgotten(String programmeId, String participantId, String reason) {}
