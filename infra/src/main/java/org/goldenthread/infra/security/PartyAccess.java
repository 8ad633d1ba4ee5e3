package org.goldenthread.infra.security;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.goldenthread.infra.store.ReadYourWrites;
import org.goldenthread.kernel.UnknownReference;
import org.goldenthread.kernel.align.AlignmentView;
import org.goldenthread.kernel.align.FindAlignment;
import org.goldenthread.kernel.contract.ContractView;
import org.goldenthread.kernel.contract.FindContract;
import org.goldenthread.kernel.organisation.FindOrganisations;
import org.goldenthread.kernel.organisation.OrganisationView;
import org.goldenthread.query.align.AlignmentProjection;
import org.goldenthread.query.contract.ContractProjection;
import org.goldenthread.query.organisation.OrganisationProjection;
import org.springframework.stereotype.Component;

/**
 * Who may see a contract or an alignment: the users of its two organisations, and admins and auditors (every one).
 * Anyone else is answered 404, exactly as for one that does not exist. The organisation and contract views are read
 * once they have processed the last change of access made here (a user added or removed, a contract drafted), and
 * before "not a party" is answered they are brought to the head of the event store, so a change made through another
 * node is not missed either.
 */
@Component
public class PartyAccess {

    private final QueryGateway queries;
    private final ReadYourWrites positions;
    private final EventStore events;

    public PartyAccess(QueryGateway queries, ReadYourWrites positions, EventStore events) {
        this.queries = queries;
        this.positions = positions;
        this.events = events;
    }

    /** Whether the user sees every contract and alignment (admins, auditors). */
    public static boolean seesAll(Identity user) {
        return user.is(Roles.ADMIN) || user.is(Roles.AUDITOR);
    }

    /** The organisations the user acts for. */
    public Set<String> organisationsOf(Identity user) {
        await(OrganisationProjection.PROCESSING_GROUP, positions.lastAccessChange());
        Set<String> found = find(user);
        return found;
    }

    /** The organisations whose contracts the user sees: empty for admins and auditors (all of them). */
    public Optional<Set<String>> visibleTo(Identity user) {
        return seesAll(user) ? Optional.empty() : Optional.of(organisationsOf(user));
    }

    private Set<String> find(Identity user) {
        List<OrganisationView> views = queries.query(
                        new FindOrganisations(user.name()), ResponseTypes.multipleInstancesOf(OrganisationView.class))
                .join();
        Set<String> ids = new LinkedHashSet<>();
        views.forEach(v -> ids.add(v.organisationId()));
        return ids;
    }

    /** The contract as it stands, if the user may see it; 404 (kind {@code contract}) otherwise. */
    public ContractView contract(Identity user, String contractId) {
        return requireParty(
                user,
                "contract",
                contractId,
                () -> queries.query(new FindContract(contractId, null), ResponseTypes.instanceOf(ContractView.class))
                        .join(),
                c -> List.of(c.commissionerId(), c.providerId()));
    }

    /** The alignment as it stands, if the user may see it; 404 (kind {@code alignment}) otherwise. */
    public AlignmentView alignment(Identity user, String alignmentId) {
        return requireParty(
                user,
                "alignment",
                alignmentId,
                () -> queries.query(new FindAlignment(alignmentId), ResponseTypes.instanceOf(AlignmentView.class))
                        .join(),
                a -> List.of(a.commissioner().organisationId(), a.provider().organisationId()));
    }

    /**
     * The contract (or alignment) the user may see, read with {@code read} once its view has processed the last change
     * of access; 404 ({@code kind}, {@code id}) when it does not exist or the user acts for neither party.
     */
    private <T> T requireParty(
            Identity user,
            String kind,
            String id,
            Supplier<T> read,
            java.util.function.Function<T, List<String>> parties) {
        String group =
                kind.equals("alignment") ? AlignmentProjection.PROCESSING_GROUP : ContractProjection.PROCESSING_GROUP;
        await(group, positions.lastAccessChange());
        await(OrganisationProjection.PROCESSING_GROUP, positions.lastAccessChange());
        T found = read.get();
        if (found == null || !sees(user, parties.apply(found))) {
            long head = head();
            await(group, head);
            await(OrganisationProjection.PROCESSING_GROUP, head);
            found = read.get();
        }
        if (found == null || !sees(user, parties.apply(found))) {
            throw new UnknownReference(kind, id);
        }
        return found;
    }

    private boolean sees(Identity user, List<String> parties) {
        if (seesAll(user)) {
            return true;
        }
        Set<String> mine = find(user);
        return parties.stream().anyMatch(mine::contains);
    }

    private void await(String group, long position) {
        if (position >= 0) {
            positions.awaitProcessed(group, position);
        }
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
