package org.goldenthread.kernel.organisation;

import java.util.List;

/** An organisation and the users who act for it. */
public record OrganisationView(String organisationId, String name, OrganisationKind kind, List<String> users) {
    public OrganisationView {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
