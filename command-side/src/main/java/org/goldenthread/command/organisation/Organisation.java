package org.goldenthread.command.organisation;

import java.util.LinkedHashSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.organisation.*;

/**
 * A commissioning or provider organisation and the users who act for them. Its rules are two: a user is added once,
 * and only a user who was added can be removed.
 */
@Aggregate
public class Organisation {

    @AggregateIdentifier
    private String organisationId;

    private OrganisationKind kind;
    private final Set<String> users = new LinkedHashSet<>();

    protected Organisation() {}

    @CommandHandler
    public Organisation(RegisterOrganisation c) {
        AggregateLifecycle.apply(new OrganisationRegistered(c.organisationId(), c.name(), c.kind()));
    }

    @CommandHandler
    public void handle(AddOrganisationUser c) {
        if (users.contains(c.username())) {
            throw new RuleViolation(
                    "organisation-user-added-once", c.username() + " already acts for organisation " + organisationId);
        }
        AggregateLifecycle.apply(new OrganisationUserAdded(c.organisationId(), c.username(), c.reason()));
    }

    @CommandHandler
    public void handle(RemoveOrganisationUser c) {
        if (!users.contains(c.username())) {
            throw new RuleViolation(
                    "organisation-user-known", c.username() + " does not act for organisation " + organisationId);
        }
        AggregateLifecycle.apply(new OrganisationUserRemoved(c.organisationId(), c.username(), c.reason()));
    }

    public OrganisationKind kind() {
        return kind;
    }

    public boolean hasUser(String username) {
        return users.contains(username);
    }

    @EventSourcingHandler
    void on(OrganisationRegistered e) {
        organisationId = e.organisationId();
        kind = e.kind();
    }

    @EventSourcingHandler
    void on(OrganisationUserAdded e) {
        users.add(e.username());
    }

    @EventSourcingHandler
    void on(OrganisationUserRemoved e) {
        users.remove(e.username());
    }
}
