package org.goldenthread.programme;

import org.goldenthread.kernel.Perspective;

public record ParticipantRegistered(String programmeId, String participantId, String name,
                                    Perspective perspective, String username) {
}
