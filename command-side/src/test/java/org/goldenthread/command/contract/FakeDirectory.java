package org.goldenthread.command.contract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.command.organisation.Parties;
import org.goldenthread.kernel.organisation.OrganisationKind;
import org.goldenthread.kernel.success.MeasureKind;

/** Organisations and programmes as a test states them. */
public final class FakeDirectory implements Parties, ProgrammeFacts {

    private final Map<String, OrganisationKind> kinds = new HashMap<>();
    private final Set<String> users = new HashSet<>();
    private final Set<String> programmes = new HashSet<>();
    private final Map<String, MeasureKind> measures = new HashMap<>();
    private final Set<String> statements = new HashSet<>();

    public FakeDirectory organisation(String id, OrganisationKind kind, String... usernames) {
        kinds.put(id, kind);
        for (String u : usernames) {
            users.add(id + "/" + u);
        }
        return this;
    }

    public FakeDirectory programme(String id) {
        programmes.add(id);
        return this;
    }

    public FakeDirectory measure(String programmeId, String measureId, MeasureKind kind) {
        measures.put(programmeId + "/" + measureId, kind);
        return this;
    }

    public FakeDirectory statement(String programmeId, String statementId) {
        statements.add(programmeId + "/" + statementId);
        return this;
    }

    @Override
    public Optional<OrganisationKind> kind(String organisationId) {
        return Optional.ofNullable(kinds.get(organisationId));
    }

    @Override
    public boolean actsFor(String organisationId, String username) {
        return users.contains(organisationId + "/" + username);
    }

    @Override
    public boolean exists(String programmeId) {
        return programmes.contains(programmeId);
    }

    @Override
    public Optional<MeasureKind> measureKind(String programmeId, String measureId) {
        return Optional.ofNullable(measures.get(programmeId + "/" + measureId));
    }

    @Override
    public boolean hasStatement(String programmeId, String statementId) {
        return statements.contains(programmeId + "/" + statementId);
    }
}
