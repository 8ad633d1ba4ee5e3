package org.goldenthread.kernel.programme;

/**
 * The role a member has in one programme. Commissioners and providers also belong to an organisation. A user's
 * role in one programme gives them nothing in another.
 */
public enum MemberRole {
    FACILITATOR,
    PARTICIPANT,
    COMMISSIONER,
    PROVIDER,
    AUDITOR,
    ANALYST;

    /** Commissioners and providers act for an organisation, which their membership names. */
    public boolean needsOrganisation() {
        return this == COMMISSIONER || this == PROVIDER;
    }
}
