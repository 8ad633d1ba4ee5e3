package org.goldenthread.kernel.programme;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.SealedText;

/**
 * A workshop participant was registered. Their real name is personal data: it is sealed under the participant's own
 * key ({@code sealedName}; {@code name} is null), so forgetting the participant erases it. Events recorded before
 * names were sealed carry the plain {@code name} and no {@code sealedName}.
 */
@Revision("1")
public record ParticipantRegistered(
        String programmeId,
        String participantId,
        String name,
        Perspective perspective,
        String username,
        SealedText sealedName) {

    /** An event of the earlier shape (the name in plain text). */
    public ParticipantRegistered(
            String programmeId, String participantId, String name, Perspective perspective, String username) {
        this(programmeId, participantId, name, perspective, username, null);
    }

    /** The subject whose key seals a participant's name (never a pseudonym: those name no one with a {@code @}). */
    public static String subject(String participantId) {
        return "@participant:" + participantId;
    }
}
