package org.goldenthread.infra.security;

/** The roles people act in. */
public final class Roles {
    public static final String FACILITATOR = "FACILITATOR";
    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String COMMISSIONER = "COMMISSIONER";
    public static final String PROVIDER = "PROVIDER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
