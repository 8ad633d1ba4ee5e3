package org.goldenthread.infra.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recomputes an aggregate's hash chain from its stored events ({@link EventChain}) and says whether it holds, or where
 * it first breaks and how:
 *
 * <ul>
 *   <li>{@code MISSING}: a sequence number is skipped, or an event links to a predecessor the store no longer has;
 *   <li>{@code REORDERED}: an event links to a predecessor stored elsewhere in the sequence;
 *   <li>{@code INSERTED}: an event carries no chain link after the chain began, or the event after it links past it
 *       to its predecessor (it was slipped in);
 *   <li>{@code ALTERED}: an event's stored content no longer gives the hash it was stored with (payload, actor or any
 *       other metadata changed).
 * </ul>
 *
 * With {@code head} (a hash published earlier, e.g. in a WTfC report) it also says whether that hash is still in the
 * chain: an operator who rewrites the whole chain consistently is caught only so.
 */
public final class ChainVerifier {

    /** Where the chain breaks: the sequence number and how. */
    public record Break(long sequenceNumber, String kind, String detail) {}

    /**
     * {@code events} stored, {@code headHash} the last event's computed hash, {@code chainedFrom} the first sequence
     * number stored with a hash (earlier events are covered by the link to them), {@code publishedHead} whether the
     * given head is in the chain (null when none was given).
     */
    public record Verification(
            String aggregateId,
            boolean verified,
            int events,
            String headHash,
            Long chainedFrom,
            Boolean publishedHead,
            Break firstBreak) {}

    private final StoredEvents stored;

    public ChainVerifier(StoredEvents stored) {
        this.stored = stored;
    }

    /** The verification, or null when the store holds no event of this aggregate. */
    public Verification verify(String aggregateId, String head) {
        List<EventChain.Stored> events = stored.of(aggregateId);
        if (events.isEmpty()) {
            return null;
        }
        Map<String, Integer> storedHashes = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Object h = events.get(i).meta().get(EventChain.HASH);
            if (h instanceof String s) {
                storedHashes.put(s, i);
            }
        }
        String[] computed = new String[events.size()];
        String previous = "";
        Long chainedFrom = null;
        Break broken = null;
        boolean headSeen = false;
        for (int i = 0; i < events.size() && broken == null; i++) {
            EventChain.Stored e = events.get(i);
            Map<String, Object> meta = e.meta();
            Object storedHash = meta.get(EventChain.HASH);
            Object storedPrevious = meta.get(EventChain.PREVIOUS);
            long expected = i == 0 ? e.sequenceNumber() : events.get(i - 1).sequenceNumber() + 1;
            computed[i] = EventChain.hash(e, previous);
            if (e.sequenceNumber() != expected) {
                broken = new Break(
                        expected,
                        "MISSING",
                        "events " + expected + " to " + (e.sequenceNumber() - 1) + " are not in the store");
            } else if (storedHash == null) {
                if (chainedFrom != null) {
                    broken = new Break(e.sequenceNumber(), "INSERTED", "carries no chain link, after the chain began");
                }
            } else {
                chainedFrom = chainedFrom == null ? e.sequenceNumber() : chainedFrom;
                if (!previous.equals(storedPrevious)) {
                    if (i >= 2 && computed[i - 2].equals(storedPrevious)) {
                        broken = new Break(
                                events.get(i - 1).sequenceNumber(),
                                "INSERTED",
                                "the event after it links past it to the one before it");
                    } else if (storedPrevious != null && storedHashes.containsKey(storedPrevious)) {
                        broken = new Break(
                                e.sequenceNumber(),
                                "REORDERED",
                                "links to the event stored at sequence number "
                                        + events.get(storedHashes.get(storedPrevious))
                                                .sequenceNumber());
                    } else {
                        broken = new Break(e.sequenceNumber(), "MISSING", "the event it follows is not in the store");
                    }
                } else if (!computed[i].equals(storedHash)) {
                    broken = new Break(
                            e.sequenceNumber(),
                            "ALTERED",
                            "its stored payload or metadata no longer gives the hash it was stored with");
                }
            }
            headSeen |= head != null && head.equals(computed[i]) && broken == null;
            previous = computed[i];
        }
        boolean intact = broken == null;
        return new Verification(
                aggregateId,
                intact && (head == null || headSeen),
                events.size(),
                intact ? previous : null,
                chainedFrom,
                head == null ? null : headSeen,
                broken);
    }
}
