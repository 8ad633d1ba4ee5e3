package org.goldenthread.query.readstore;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The read-store writes of one batch of events (one unit of work of a processor): every {@link DocumentCollection}
 * reads through it (a document is loaded once per batch, then seen as the batch left it) and writes into it; at the
 * end of the batch the staged documents reach the store together, one bulk write per collection, before the
 * processor stores its token. If the batch fails nothing of it is written after the failure and the token stays
 * where it was, so the batch is handled again.
 *
 * <p>One event's writes stand or fall together: {@link WriteBatchSavepoints} undoes the writes of a handler that
 * throws (the event is then dead-lettered or the batch retried), so a poison event leaves nothing half-applied for
 * the events after it. {@link WriteBatchInterceptor} opens the batch and writes it; without it (a projection fed
 * directly, as in unit tests) there is no batch and every write goes to the store at once.
 */
public final class WriteBatch {

    static final String RESOURCE = WriteBatch.class.getName();

    private static final java.util.concurrent.atomic.LongAdder DOCUMENTS = new java.util.concurrent.atomic.LongAdder();
    private static final java.util.concurrent.atomic.LongAdder NANOS = new java.util.concurrent.atomic.LongAdder();

    /** Documents written by every batch since the start (a measure of the read store's share of the work). */
    public static long documentsWritten() {
        return DOCUMENTS.sum();
    }

    /** Time spent writing batches to the read store since the start, summed over threads, in nanoseconds. */
    public static long writeNanos() {
        return NANOS.sum();
    }

    /** Per collection: documents as loaded (empty: known not to exist) and documents staged to write. */
    private final Map<DocumentCollection<?>, Map<String, Optional<?>>> loaded = new HashMap<>();

    private final Map<DocumentCollection<?>, Map<String, Record>> staged = new LinkedHashMap<>();
    private final List<Undo> undo = new ArrayList<>();

    /** Updates by operator, per collection (by namespace), in the order given: applied in that order. */
    private final Map<String, Queued> queued = new LinkedHashMap<>();

    private final RebuildLedger ledger;

    /** A staged document ({@code queue} null) or a queued update ({@code queue} its collection's updates). */
    private record Undo(DocumentCollection<?> collection, String id, Record before, Queued queue) {}

    private record Queued(
            com.mongodb.client.MongoCollection<org.bson.Document> collection,
            List<com.mongodb.client.model.WriteModel<org.bson.Document>> writes) {}

    WriteBatch(RebuildLedger ledger) {
        this.ledger = ledger;
    }

    /** The rebuild's ledger, when the batch belongs to a rebuild. */
    Optional<RebuildLedger> ledger() {
        return Optional.ofNullable(ledger);
    }

    /** The batch of the current unit of work, if a processor opened one. */
    static Optional<WriteBatch> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return Optional.ofNullable(root.getResource(RESOURCE));
    }

    /** What the batch knows of this document: staged or loaded (empty inside: known not to exist); empty if nothing. */
    @SuppressWarnings("unchecked")
    <T extends Record> Optional<Optional<T>> known(DocumentCollection<T> collection, String id) {
        Map<String, Record> mine = staged.get(collection);
        if (mine != null && mine.containsKey(id)) {
            return Optional.of(Optional.of((T) mine.get(id)));
        }
        Map<String, Optional<?>> seen = loaded.get(collection);
        Optional<?> found = seen == null ? null : seen.get(id);
        return found == null ? Optional.empty() : Optional.of((Optional<T>) found);
    }

    <T extends Record> void loaded(DocumentCollection<T> collection, Collection<String> ids, Map<String, T> found) {
        Map<String, Optional<?>> seen = loaded.computeIfAbsent(collection, c -> new HashMap<>());
        for (String id : ids) {
            seen.put(id, Optional.ofNullable(found.get(id)));
        }
    }

    <T extends Record> void stage(DocumentCollection<T> collection, String id, T document) {
        Record before =
                staged.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, document);
        undo.add(new Undo(collection, id, before, null));
    }

    /** Queues an update by operator, applied after the ones queued before it for that collection. */
    void queue(
            com.mongodb.client.MongoCollection<org.bson.Document> collection,
            com.mongodb.client.model.WriteModel<org.bson.Document> write) {
        Queued q = queued.computeIfAbsent(
                collection.getNamespace().getFullName(), n -> new Queued(collection, new ArrayList<>()));
        q.writes().add(write);
        undo.add(new Undo(null, null, null, q));
    }

    /** Savepoints open (handlers running); while none is, nothing needs undoing. */
    private int open;

    /** A point to undo to: the writes staged so far. */
    int savepoint() {
        open++;
        return undo.size();
    }

    /**
     * The writes since the savepoint stand (a handler succeeded). Once no savepoint is open their undo records are
     * dropped: they held every replaced version of every document until the end of the batch (in a rebuild's chunk
     * of 20,000 events, most of a 512 MiB heap).
     */
    void release() {
        open--;
        if (open == 0) {
            undo.clear();
        }
    }

    /** Undoes the writes staged since the savepoint (a handler failed). */
    void rollbackTo(int savepoint) {
        open--;
        for (int i = undo.size() - 1; i >= savepoint; i--) {
            Undo u = undo.remove(i);
            if (u.queue() != null) {
                u.queue().writes().remove(u.queue().writes().size() - 1);
                continue;
            }
            Map<String, Record> mine = staged.get(u.collection());
            if (u.before() == null) {
                mine.remove(u.id());
            } else {
                mine.put(u.id(), u.before());
            }
        }
    }

    /**
     * Writes every staged document, one bulk write per collection — a document known not to exist is inserted, any
     * other replaced whole —, then the queued updates, one ordered bulk write per collection (the batch is dropped
     * afterwards).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void flush() {
        long start = System.nanoTime();
        for (Map.Entry<DocumentCollection<?>, Map<String, Record>> e : staged.entrySet()) {
            Map<String, Optional<?>> seen = loaded.getOrDefault(e.getKey(), Map.of());
            java.util.Set<String> absent = new java.util.HashSet<>();
            for (String id : e.getValue().keySet()) {
                Optional<?> found = seen.get(id);
                // known not to exist: read and not found, or (in a rebuild) written without reading and not yet
                if (found != null ? found.isEmpty() : ledger != null && ledger.absent(e.getKey(), id)) {
                    absent.add(id);
                }
            }
            ((DocumentCollection) e.getKey()).write(e.getValue(), absent);
            if (ledger != null) {
                ledger.written(e.getKey(), e.getValue().keySet());
            }
            DOCUMENTS.add(e.getValue().size());
        }
        for (Queued q : queued.values()) {
            if (!q.writes().isEmpty()) {
                q.collection().bulkWrite(q.writes(), new com.mongodb.client.model.BulkWriteOptions().ordered(true));
                DOCUMENTS.add(q.writes().size());
            }
        }
        NANOS.add(System.nanoTime() - start);
    }
}
