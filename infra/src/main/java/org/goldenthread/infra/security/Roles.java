package org.goldenthread.infra.security;

import java.util.List;

/** The roles people act in. */
public final class Roles {
    public static final String FACILITATOR = "FACILITATOR";
    public static final String PARTICIPANT = "PARTICIPANT";
    public static final String COMMISSIONER = "COMMISSIONER";
    public static final String PROVIDER = "PROVIDER";
    public static final String AUDITOR = "AUDITOR";
    public static final String ANALYST = "ANALYST";
    public static final String ADMIN = "ADMIN";

    /** The roles from the one that allows most acts to the one that allows fewest. */
    public static final List<String> PRECEDENCE =
            List.of(ADMIN, FACILITATOR, COMMISSIONER, PROVIDER, PARTICIPANT, AUDITOR, ANALYST);

    private Roles() {}

    /** The role's place in {@link #PRECEDENCE}; roles it does not know come last. */
    static int rank(String role) {
        int i = PRECEDENCE.indexOf(role);
        return i < 0 ? PRECEDENCE.size() : i;
    }
}
