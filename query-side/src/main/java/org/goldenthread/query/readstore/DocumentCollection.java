package org.goldenthread.query.readstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One collection of typed documents: records mapped by the driver's record codec (a component named {@code id}
 * annotated {@code @BsonId} is the {@code _id}; null components are not written), read and written by id.
 *
 * <p>Inside a batch of events ({@link WriteBatch}) reads see the batch's own writes and writes reach the store
 * together when the batch ends; outside one (a test feeding a projection directly) every write goes to the store at
 * once. A document is written whole ({@code replaceOne} with upsert): handlers compute the new document from the
 * old, so they stay idempotent by what they compute, not by update operators.
 *
 * @param <T> the document's record type
 */
public final class DocumentCollection<T extends Record> {

    /**
     * Ids per {@code _id $in} query: mongo-java-server serves {@code $in} from the {@code _id} index but matches
     * every found document against the whole list again, so one {@code $in} of k ids costs O(k²) (3,300 ids: ≈ 400
     * ms; in batches of 128: ≈ 40 ms).
     */
    static final int IN_BATCH = 128;

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    private final MongoCollection<T> collection;
    private final Function<T, String> id;
    private final Constructor<T> canonical;

    public DocumentCollection(MongoDatabase database, String name, Class<T> type, Function<T, String> id) {
        this.collection = database.getCollection(name, type);
        this.id = id;
        try {
            this.canonical = type.getDeclaredConstructor(Arrays.stream(type.getRecordComponents())
                    .map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException(type + " has no canonical constructor", e);
        }
    }

    /**
     * A new document of this collection's type: its first components are {@code leading}, the others null (not
     * written), so a get-or-create names only what identifies the document.
     */
    public T blank(Object... leading) {
        Object[] components = new Object[canonical.getParameterCount()];
        if (leading.length > components.length) {
            throw new IllegalArgumentException("more values than components: " + leading.length);
        }
        System.arraycopy(leading, 0, components, 0, leading.length);
        try {
            return canonical.newInstance(components);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create a blank " + canonical.getDeclaringClass(), e);
        }
    }

    /** The driver's collection, for queries other than by id (they read the store, not the batch). */
    public MongoCollection<T> collection() {
        return collection;
    }

    /** The document with this id, as the current batch sees it. */
    public Optional<T> find(String documentId) {
        return Optional.ofNullable(find(List.of(documentId)).get(documentId));
    }

    /** The documents with these ids that exist, by id, as the current batch sees them (one query per 128 ids). */
    public Map<String, T> find(Collection<String> ids) {
        Map<String, T> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        Optional<WriteBatch> batch = WriteBatch.current();
        Optional<RebuildLedger> ledger = batch.flatMap(WriteBatch::ledger);
        List<String> absent = new ArrayList<>();
        for (String documentId : new LinkedHashSet<>(ids)) {
            Optional<Optional<T>> known = batch.flatMap(b -> b.known(this, documentId));
            if (known.isPresent()) {
                known.get().ifPresent(d -> found.put(documentId, d));
            } else if (ledger.isPresent() && ledger.get().absent(this, documentId)) {
                absent.add(documentId);
            } else {
                missing.add(documentId);
            }
        }
        batch.ifPresent(b -> b.loaded(this, absent, Map.of()));
        Map<String, T> loaded = new LinkedHashMap<>();
        for (int from = 0; from < missing.size(); from += IN_BATCH) {
            List<String> part = missing.subList(from, Math.min(missing.size(), from + IN_BATCH));
            for (T d : collection.find(Filters.in("_id", part))) {
                loaded.put(id.apply(d), d);
            }
        }
        batch.ifPresent(b -> b.loaded(this, missing, loaded));
        found.putAll(loaded);
        return found;
    }

    /** Writes the document whole: in the current batch, or at once outside one. */
    public void put(T document) {
        Optional<WriteBatch> batch = WriteBatch.current();
        if (batch.isPresent()) {
            batch.get().stage(this, id.apply(document), document);
        } else {
            collection.replaceOne(Filters.eq("_id", id.apply(document)), document, UPSERT);
        }
    }

    /** Drops the collection (a projection's reset). */
    public void drop() {
        collection.drop();
    }

    /**
     * Writes staged documents together, unordered (each is a whole document, so their order does not matter): those
     * in {@code absent} (known not to exist when the batch read them) are inserted, the others replaced. An insert
     * that meets a document after all (another writer got there first) is written again as a replacement.
     */
    void write(Map<String, T> documents, java.util.Set<String> absent) {
        if (documents.isEmpty()) {
            return;
        }
        List<com.mongodb.client.model.WriteModel<T>> writes = new ArrayList<>(documents.size());
        List<T> order = new ArrayList<>(documents.size());
        for (Map.Entry<String, T> e : documents.entrySet()) {
            order.add(e.getValue());
            writes.add(
                    absent.contains(e.getKey())
                            ? new com.mongodb.client.model.InsertOneModel<>(e.getValue())
                            : new com.mongodb.client.model.ReplaceOneModel<>(
                                    Filters.eq("_id", e.getKey()), e.getValue(), UPSERT));
        }
        try {
            collection.bulkWrite(writes, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            List<com.mongodb.client.model.WriteModel<T>> again = new ArrayList<>();
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != com.mongodb.ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                T d = order.get(error.getIndex());
                again.add(new com.mongodb.client.model.ReplaceOneModel<>(Filters.eq("_id", id.apply(d)), d, UPSERT));
            }
            collection.bulkWrite(again, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
    }
}
