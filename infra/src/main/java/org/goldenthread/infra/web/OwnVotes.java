package org.goldenthread.infra.web;

import org.goldenthread.infra.security.Identity;
import org.goldenthread.infra.security.ProgrammeAccess;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.programme.FindProgramme;
import org.goldenthread.kernel.programme.ProgrammeView;
import org.springframework.stereotype.Component;

/**
 * Who may read a participant's votes (in a voting round or a ballot alike): the participant themselves, or the
 * programme's facilitator — the same people who may cast them (rule {@code own-vote-only}).
 */
@Component
public class OwnVotes {

    private final Acts acts;

    public OwnVotes(Acts acts) {
        this.acts = acts;
    }

    public void requireMayRead(String programmeId, String participantId) {
        if (ProgrammeAccess.actingRole().map("FACILITATOR"::equals).orElse(false)) {
            return;
        }
        Identity user = Identity.current().orElseThrow();
        ProgrammeView programme =
                acts.find(new FindProgramme(programmeId), ProgrammeView.class, "programme", programmeId);
        boolean own = programme.participants().stream()
                .anyMatch(p ->
                        p.participantId().equals(participantId) && user.name().equals(p.username()));
        if (!own) {
            throw new RuleViolation(
                    "own-vote-only", "a participant sees only their own votes (the facilitator sees anyone's)");
        }
    }
}
