package org.goldenthread.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.Require;

/**
 * Prepare: register a workshop participant with their perspective. {@code username} (optional) links
 * the participant to a login so they can cast their own votes.
 */
public record RegisterParticipant(
        @TargetAggregateIdentifier String programmeId,
        String participantId,
        String name,
        Perspective perspective,
        String username) {
    public RegisterParticipant {
        Require.id("programmeId", programmeId);
        Require.id("participantId", participantId);
        name = Require.text("name", name, 200);
        Require.present("perspective", perspective);
        username = Require.optionalText("username", username, 100);
    }
}
