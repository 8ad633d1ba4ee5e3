package org.goldenthread.infra.security;

import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.goldenthread.infra.store.ReadYourWrites;
import org.goldenthread.kernel.programme.FindMembership;
import org.goldenthread.kernel.programme.MemberView;
import org.goldenthread.query.programme.MembershipProjection;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

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

    /** A membership found, and the last change of membership it had seen. */
    private record Cached(MemberView member, long atChange, long at) {}

    /** Bounded: the members read lately. */
    private final java.util.Map<String, Cached> cache =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Cached> eldest) {
                    return size() > 4096;
                }
            });

    /**
     * The user's membership of the programme, if any. A membership found is remembered until the next change of
     * membership made here, and for at most {@link #FRESH_NANOS} (for a change made through another node).
     */
    public Optional<MemberView> of(String programmeId, String username) {
        String key = programmeId + "|" + username;
        long change = positions.lastAccessChange();
        Cached hit = cache.get(key);
        if (hit != null && hit.atChange() == change && System.nanoTime() - hit.at() < FRESH_NANOS) {
            return Optional.of(hit.member());
        }
        Optional<MemberView> member = lookUp(programmeId, username);
        member.ifPresent(m -> cache.put(key, new Cached(m, change, System.nanoTime())));
        return member;
    }

    /** How long a membership found is trusted without looking again: 1 s. */
    static final long FRESH_NANOS = 1_000_000_000L;

    private Optional<MemberView> lookUp(String programmeId, String username) {
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
        return queries.query(
                        new FindMembership(username, programmeId), ResponseTypes.multipleInstancesOf(MemberView.class))
                .join();
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
