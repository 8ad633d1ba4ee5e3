package org.goldenthread.infra.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.goldenthread.kernel.programme.MemberRole;

/**
 * Who may call an endpoint: the roles a member of the programme must have, and the global roles that may call it in
 * every programme (or, for an endpoint outside any programme, the global roles that may call it at all). Every
 * controller method names one ({@link Access}); the role × endpoint matrix test checks each of them.
 */
public enum Rule {
    /** The programme's views with people's words: its members other than analysts; admins and auditors. */
    READ(
            true,
            EnumSet.of(
                    MemberRole.FACILITATOR,
                    MemberRole.PARTICIPANT,
                    MemberRole.COMMISSIONER,
                    MemberRole.PROVIDER,
                    MemberRole.AUDITOR),
            Set.of(Roles.ADMIN, Roles.AUDITOR)),
    /** Pseudonymised views (no words, no pseudonyms, small counts suppressed): every member, analysts too. */
    ANALYSE(true, EnumSet.allOf(MemberRole.class), Set.of(Roles.ADMIN, Roles.AUDITOR)),
    /** Who is a member, erasure status: the programme's facilitators and auditors; admins and auditors. */
    OVERSEE(true, EnumSet.of(MemberRole.FACILITATOR, MemberRole.AUDITOR), Set.of(Roles.ADMIN, Roles.AUDITOR)),
    /** The workshop's acts: the programme's facilitators. */
    FACILITATE(true, EnumSet.of(MemberRole.FACILITATOR), Set.of()),
    /** Votes, ballot votes and grid placements (the aggregate checks they are the member's own). */
    VOTE(
            true,
            EnumSet.of(MemberRole.FACILITATOR, MemberRole.PARTICIPANT, MemberRole.COMMISSIONER, MemberRole.PROVIDER),
            Set.of()),
    /** Granting and revoking membership, erasing a person, the subject-access export: facilitators; admins. */
    GOVERN(true, EnumSet.of(MemberRole.FACILITATOR), Set.of(Roles.ADMIN)),
    /** Launching a programme (the launcher becomes its facilitator). */
    LAUNCH(false, EnumSet.noneOf(MemberRole.class), Set.of(Roles.FACILITATOR, Roles.ADMIN)),
    /** Anyone signed in with a known role (what they see is limited to their programmes). */
    SIGNED_IN(false, EnumSet.noneOf(MemberRole.class), Set.copyOf(Roles.PRECEDENCE)),
    /** Registering organisations and saying who acts for them: admins. */
    ORGANISE(false, EnumSet.noneOf(MemberRole.class), Set.of(Roles.ADMIN)),
    /**
     * Reading organisations, alignments, contracts and dashboards: commissioners and providers (only those their
     * organisations are party to), admins and auditors (all).
     */
    PARTIES(
            false,
            EnumSet.noneOf(MemberRole.class),
            Set.of(Roles.COMMISSIONER, Roles.PROVIDER, Roles.ADMIN, Roles.AUDITOR)),
    /**
     * Acts on alignments and contracts: commissioners and providers, for organisations they act for (which party
     * may do which act is the contract's rule).
     */
    PARTY_ACT(false, EnumSet.noneOf(MemberRole.class), Set.of(Roles.COMMISSIONER, Roles.PROVIDER)),
    /** Operations, read: admins and auditors. */
    OPERATE_READ(false, EnumSet.noneOf(MemberRole.class), Set.of(Roles.ADMIN, Roles.AUDITOR)),
    /** Operations: admins. */
    OPERATE(false, EnumSet.noneOf(MemberRole.class), Set.of(Roles.ADMIN));

    private final boolean programmeScoped;
    private final Set<MemberRole> memberRoles;
    private final Set<String> globalRoles;

    Rule(boolean programmeScoped, Set<MemberRole> memberRoles, Set<String> globalRoles) {
        this.programmeScoped = programmeScoped;
        this.memberRoles = memberRoles;
        this.globalRoles = globalRoles;
    }

    public boolean programmeScoped() {
        return programmeScoped;
    }

    public boolean permits(MemberRole role) {
        return role != null && memberRoles.contains(role);
    }

    /** The global role this user may call it in, if any (the one that allows most). */
    public java.util.Optional<String> globalRoleOf(Identity user) {
        return user.globalRoles().stream().filter(globalRoles::contains).findFirst();
    }

    /** What a refusal names: the member roles, then the global roles, that may call it. */
    public List<String> allowed() {
        List<String> out = new java.util.ArrayList<>(memberRoles.stream()
                .map(r -> (programmeScoped ? "member:" : "") + r.name())
                .toList());
        Roles.PRECEDENCE.stream()
                .filter(globalRoles::contains)
                .map(r -> "global:" + r)
                .forEach(out::add);
        return out;
    }
}
