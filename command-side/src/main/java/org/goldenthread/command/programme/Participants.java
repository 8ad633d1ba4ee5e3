package org.goldenthread.command.programme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.programme.*;

/**
 * Step 1, Prepare: the workshop participants of a programme. A participant is registered once; a login
 * (username) is linked to at most one participant, so that person can cast their own votes.
 */
public final class Participants {

    private final Map<String, String> usernameOf = new LinkedHashMap<>();
    private final Map<String, String> participantOf = new LinkedHashMap<>();

    private final java.util.Set<String> forgotten = new java.util.LinkedHashSet<>();
    private final java.util.Set<String> keysDestroyed = new java.util.LinkedHashSet<>();

    /** The participant's real name is sealed under their own key (see {@link ParticipantRegistered#subject}). */
    public List<Object> register(RegisterParticipant command, org.goldenthread.kernel.PersonalDataVault vault) {
        if (usernameOf.containsKey(command.participantId())) {
            throw new RuleViolation(
                    "participant-registered-once",
                    "participant '" + command.participantId() + "' is already registered");
        }
        if (command.username() != null && participantOf.containsKey(command.username())) {
            throw new RuleViolation(
                    "username-linked-once",
                    "a login is linked to one participant only; '" + command.username()
                            + "' is already linked to participant '" + participantOf.get(command.username()) + "'");
        }
        return List.of(new ParticipantRegistered(
                command.programmeId(),
                command.participantId(),
                null,
                command.perspective(),
                command.username(),
                vault.seal(
                        command.programmeId(),
                        ParticipantRegistered.subject(command.participantId()),
                        command.name())));
    }

    /** ForgetParticipant: a registered participant's name is erased once. */
    public List<Object> forget(ForgetParticipant command) {
        require(command.participantId());
        if (forgotten.contains(command.participantId())) {
            throw new RuleViolation(
                    "forgotten-once", "participant '" + command.participantId() + "' has already been forgotten");
        }
        return List.of(new ParticipantForgotten(command.programmeId(), command.participantId(), command.reason()));
    }

    /** The erasure process destroyed the key of a forgotten participant's name: recorded once. */
    public List<Object> keyDestroyed(RecordKeyDestroyed command) {
        String participantId =
                command.person().substring(ParticipantRegistered.subject("").length());
        if (!forgotten.contains(participantId)) {
            throw new RuleViolation(
                    "erasure-asked-first", "participant '" + participantId + "' has not been forgotten");
        }
        return keysDestroyed.contains(participantId)
                ? List.of()
                : List.of(new PersonKeyDestroyed(command.programmeId(), command.person()));
    }

    public static boolean isParticipantSubject(String subject) {
        return subject.startsWith(ParticipantRegistered.subject(""));
    }

    public void evolve(ParticipantForgotten event) {
        forgotten.add(event.participantId());
    }

    public void evolveKeyDestroyed(PersonKeyDestroyed event) {
        keysDestroyed.add(
                event.person().substring(ParticipantRegistered.subject("").length()));
    }

    /** The participant must be registered. */
    public void require(String participantId) {
        if (!usernameOf.containsKey(participantId)) {
            throw new UnknownReference("participant", participantId);
        }
    }

    /**
     * Own vote only: the facilitator may act for any participant (e.g. recording a show of hands);
     * anyone else only for the participant their login is linked to.
     */
    public void requireMayActFor(String participantId, String actor, String role) {
        requireMayActFor(
                participantId,
                actor,
                role,
                "own-vote-only",
                "a participant casts and withdraws only their own votes (or the facilitator does it for them)");
    }

    /** Own placement only, on the effort/impact grid: the same rule as votes. */
    public void requireMayPlaceFor(String participantId, String actor, String role) {
        requireMayActFor(
                participantId,
                actor,
                role,
                "own-placement-only",
                "a participant places ideas on the grid only for themselves (or the facilitator does it for them)");
    }

    private void requireMayActFor(String participantId, String actor, String role, String rule, String message) {
        require(participantId);
        if (ActorMetaData.FACILITATOR.equals(role)) {
            return;
        }
        String username = usernameOf.get(participantId);
        if (actor == null || username == null || !username.equals(actor)) {
            throw new RuleViolation(rule, message);
        }
    }

    public void evolve(ParticipantRegistered event) {
        usernameOf.put(event.participantId(), event.username());
        if (event.username() != null) {
            participantOf.put(event.username(), event.participantId());
        }
    }
}
