package org.goldenthread.infra.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The users the tests sign in as, configured as an operator would (the demo users exist only with {@code --demo}):
 * one per global role, commissioner and provider with their organisation, and an outsider who is a member of
 * nothing. Each one's password is {@link #password(String)}.
 */
public final class TestUsers {

    public static final String COUNCIL = "Test Council";
    public static final String CARE_PROVIDER = "Test Care Ltd";

    private static final String[][] USERS = {
        {"facilitator", "FACILITATOR", null},
        {"participant", "PARTICIPANT", null},
        {"commissioner", "COMMISSIONER", COUNCIL},
        {"provider", "PROVIDER", CARE_PROVIDER},
        {"provider2", "PROVIDER", "Other Care Ltd"},
        {"auditor", "AUDITOR", null},
        {"analyst", "ANALYST", null},
        {"admin", "ADMIN", null},
        {"outsider", "PARTICIPANT", null},
        {"facilitator2", "FACILITATOR", null}
    };

    private TestUsers() {}

    public static String password(String user) {
        return user + "-test-secret";
    }

    /**
     * The users, the master key and the tests' read-your-writes patience as properties (without the leading {@code
     * --}), but for those given here.
     */
    public static List<String> properties(String... overridden) {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String o : overridden) {
            names.add(o.split("=", 2)[0]);
        }
        return all().stream().filter(p -> !names.contains(p.split("=", 2)[0])).toList();
    }

    private static List<String> all() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < USERS.length; i++) {
            String prefix = "goldenthread.security.users[" + i + "].";
            out.add(prefix + "name=" + USERS[i][0]);
            out.add(prefix + "password=" + password(USERS[i][0]));
            out.add(prefix + "role=" + USERS[i][1]);
            if (USERS[i][2] != null) {
                out.add(prefix + "organisation=" + USERS[i][2]);
            }
        }
        out.add("goldenthread.keys.master-key=" + MASTER_KEY);
        // a start that rebuilds every view from a store (a restart, a dropped read store, an old store) keeps 10
        // processors busy on 2 cores: a read waits for its views as a patient client would (tests of the 503 set less)
        out.add("goldenthread.read-your-writes.max-wait=PT60S");
        return out;
    }

    /** The master key the tests' key stores are wrapped with (base64 of 32 bytes). */
    public static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLWxvbmc=";
}
