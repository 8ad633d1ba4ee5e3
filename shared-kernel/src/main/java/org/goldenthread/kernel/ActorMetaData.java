package org.goldenthread.kernel;

/** Metadata keys set on every command (from the authenticated principal) and copied onto its events. */
public final class ActorMetaData {
    /** The acting user's name. */
    public static final String ACTOR = "actor";
    /** The acting user's role, e.g. FACILITATOR. */
    public static final String ROLE = "role";
    /** All of the acting user's roles, comma-separated, the one they act in ({@link #ROLE}) first. */
    public static final String ROLES = "roles";
    /** The organisation the acting user signed in for (commissioners and providers), if any. */
    public static final String ORGANISATION = "organisation";

    public static final String FACILITATOR = "FACILITATOR";
    public static final String PARTICIPANT = "PARTICIPANT";

    private ActorMetaData() {}
}
