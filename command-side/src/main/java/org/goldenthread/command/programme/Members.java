package org.goldenthread.command.programme;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.programme.*;

/**
 * Who belongs to the programme, in which role: the user who launches it is its first facilitator; facilitators (or
 * an admin) grant and revoke; the programme always keeps a facilitator; a participant's login is a member's.
 */
public final class Members {

    private final Map<String, MemberRole> roleOf = new LinkedHashMap<>();
    private final Map<String, String> organisationOf = new LinkedHashMap<>();

    /**
     * The launcher becomes the first facilitator (none when the programme is launched by the system, e.g. a loader).
     */
    public static List<Object> onLaunch(String programmeId, String launcher) {
        return launcher == null
                ? List.of()
                : List.of(new MembershipGranted(
                        programmeId, launcher, MemberRole.FACILITATOR, null, "launched the programme"));
    }

    public List<Object> grant(GrantMembership c) {
        MemberRole current = roleOf.get(c.username());
        if (current == c.role() && java.util.Objects.equals(organisationOf.get(c.username()), c.organisation())) {
            throw new RuleViolation(
                    "member-already-in-role",
                    "'" + c.username() + "' is already a " + c.role() + " member of this programme");
        }
        if (current == MemberRole.FACILITATOR && c.role() != MemberRole.FACILITATOR) {
            requireAnotherFacilitator(c.username());
        }
        return List.of(new MembershipGranted(c.programmeId(), c.username(), c.role(), c.organisation(), c.reason()));
    }

    public List<Object> revoke(RevokeMembership c) {
        MemberRole current = roleOf.get(c.username());
        if (current == null) {
            throw new UnknownReference("member", c.username());
        }
        if (current == MemberRole.FACILITATOR) {
            requireAnotherFacilitator(c.username());
        }
        return List.of(new MembershipRevoked(c.programmeId(), c.username(), current, c.reason()));
    }

    private void requireAnotherFacilitator(String username) {
        boolean another = roleOf.entrySet().stream()
                .anyMatch(e ->
                        e.getValue() == MemberRole.FACILITATOR && !e.getKey().equals(username));
        if (!another) {
            throw new RuleViolation(
                    "programme-keeps-a-facilitator",
                    "'" + username + "' is the programme's last facilitator: grant another facilitator first");
        }
    }

    /** A participant's login must be a member of the programme (so what they may do there is known). */
    public void requireMember(String username) {
        if (username != null && !roleOf.containsKey(username)) {
            throw new RuleViolation(
                    "participant-login-is-a-member",
                    "'" + username + "' is not a member of this programme: grant membership before linking a "
                            + "participant to it");
        }
    }

    public void evolve(MembershipGranted e) {
        roleOf.put(e.username(), e.role());
        if (e.organisationName() == null) {
            organisationOf.remove(e.username());
        } else {
            organisationOf.put(e.username(), e.organisationName());
        }
    }

    public void evolve(MembershipRevoked e) {
        roleOf.remove(e.username());
        organisationOf.remove(e.username());
    }
}
