package org.goldenthread.query.organisation;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.kernel.organisation.*;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ReadModelVersion;

/**
 * Organisations and their users: what contract and alignment access checks read. A processor of its own, handling
 * three kinds of event, so it stays at the head of the event store.
 *
 * <p>Collection {@code organisations}: {@code {_id: organisationId, name, kind, users}}.
 */
@ReadModelVersion(1)
@ProcessingGroup(OrganisationProjection.PROCESSING_GROUP)
public class OrganisationProjection {

    public static final String PROCESSING_GROUP = "organisation";

    public record Org(@BsonId String id, String name, OrganisationKind kind, List<String> users) {
        public Org {
            users = users == null ? List.of() : List.copyOf(users);
        }
    }

    private final DocumentCollection<Org> organisations;

    public OrganisationProjection(MongoDatabase database) {
        organisations = new DocumentCollection<>(database, "organisations", Org.class, Org::id);
        createIndexes();
    }

    private void createIndexes() {
        organisations.collection().createIndex(Indexes.ascending("users"));
    }

    @ResetHandler
    public void reset() {
        organisations.drop();
        createIndexes();
    }

    @EventHandler
    public void on(OrganisationRegistered e) {
        List<String> users =
                organisations.find(e.organisationId()).map(Org::users).orElse(List.of());
        organisations.put(new Org(e.organisationId(), e.name(), e.kind(), users));
    }

    @EventHandler
    public void on(OrganisationUserAdded e) {
        organisations
                .find(e.organisationId())
                .ifPresent(o -> organisations.put(
                        new Org(o.id(), o.name(), o.kind(), Elements.added(o.users(), List.of(e.username())))));
    }

    @EventHandler
    public void on(OrganisationUserRemoved e) {
        organisations
                .find(e.organisationId())
                .ifPresent(o -> organisations.put(
                        new Org(o.id(), o.name(), o.kind(), Elements.removed(o.users(), e.username()))));
    }

    @QueryHandler
    public OrganisationView handle(FindOrganisation query) {
        return organisations
                .find(query.organisationId())
                .map(OrganisationProjection::view)
                .orElse(null);
    }

    @QueryHandler
    public List<OrganisationView> handle(FindOrganisations query) {
        List<OrganisationView> out = new ArrayList<>();
        organisations
                .collection()
                .find(query.username() == null ? Filters.empty() : Filters.eq("users", query.username()))
                .sort(Sorts.ascending("name"))
                .forEach(o -> out.add(view(o)));
        return out;
    }

    private static OrganisationView view(Org o) {
        return new OrganisationView(o.id(), o.name(), o.kind(), o.users());
    }
}
