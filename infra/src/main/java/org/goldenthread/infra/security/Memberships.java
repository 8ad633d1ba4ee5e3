package org.goldenthread.infra.security;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.goldenthread.infra.store.ReadYourWrites;
import org.goldenthread.programme.FindMembership;
import org.goldenthread.programme.MemberView;
import org.goldenthread.programme.MembershipProjection;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A user's memberships, read from the membership view once it has processed the last change of membership this
 * service made (and, at start, the head of the event store): a grant or a revocation answered 2xx counts for the
 * very next request. Before "not a member" is answered, the view is also brought to the current head, so a grant
 * made by another node (or a loader) is never missed.
 */
@Component
public class Memberships {

    private final QueryGateway queries;
    private final ReadYourWrites positions;
    private final EventStore events;

    public Memberships(QueryGateway queries, ReadYourWrites positions, EventStore events) {
        this.queries = queries;
        this.positions = positions;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fromHead() {
        positions.accessChangedAt(head());
    }


    /** The user's membership of the programme, if any. */
    public Optional<MemberView> of(String programmeId, String username) {
        await(positions.lastAccessChange());
        Optional<MemberView> found = find(programmeId, username).stream().findFirst();
        if (found.isEmpty()) {
            await(head());
            found = find(programmeId, username).stream().findFirst();
        }
        return found;
    }

    /** Every programme the user is a member of. */
    public List<MemberView> of(String username) {
        await(Math.max(positions.lastAccessChange(), head()));
        return find(null, username);
    }

    private List<MemberView> find(String programmeId, String username) {
        return queries.query(new FindMembership(username, programmeId), ResponseTypes.multipleInstancesOf(MemberView.class)).join();
    }

    private void await(long position) {
        if (position >= 0) {
            positions.awaitProcessed(MembershipProjection.PROCESSING_GROUP, position);
        }
    }

    private long head() {
        TrackingToken head = events.createHeadToken();
        return head == null ? -1 : head.position().orElse(-1);
    }
}
