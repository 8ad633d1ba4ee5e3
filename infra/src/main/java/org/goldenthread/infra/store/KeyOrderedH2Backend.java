package org.goldenthread.infra.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's file backend without Java serialisation on its hot paths: documents are stored as BSON
 * ({@link BsonDocumentType}) and unique index keys ({@code _id} among them) as tagged strings ordered by their
 * characters ({@link KeyOrder}).
 *
 * <p>The plain backend leaves both to H2's {@link ObjectDataType}, which Java-serialises what it does not know: every
 * document with its class descriptors, and every index key on every comparison (a lookup in a map of n documents
 * serialised 2·log₂n keys, ≈ 45 % of the store's CPU in the replay benchmark). A file the plain backend or an older
 * version wrote is not {@link #readable} by this one; it is set aside and the read models rebuilt from the events.
 */
public class KeyOrderedH2Backend extends H2Backend {

    /** The store's map saying how it is written, and the format this backend writes (BSON, tagged keys). */
    static final String FORMAT_MAP = "goldenthread.format";

    static final String FORMAT = "2";

    /** The prefix of the backend's map of a collection's documents. */
    private static final String DATA_PREFIX = "databases.";

    /**
     * How long the store keeps chunks no longer live (H2: 45 s). A read iterates the version it started on, and the
     * backend answers a query no index serves by reading every document of the collection: if that takes longer than
     * this while other collections are written and compacted, the chunks it still needs are reused and it fails
     * ("Chunk … not found"). Ten minutes covers a scan of several million documents; the cost is file space.
     */
    static final int RETENTION_MILLIS = 10 * 60 * 1000;

    /** The store in {@code fileName}, with {@code cacheMiB} of page cache (H2's default is 16). */
    public KeyOrderedH2Backend(String fileName, int cacheMiB) {
        super(prepared(
                new MVStore.Builder().fileName(fileName).cacheSize(cacheMiB).open()));
    }

    public KeyOrderedH2Backend(String fileName) {
        this(fileName, 16);
    }

    /**
     * Whether the file at {@code fileName} (which exists) was written in this backend's {@link #FORMAT}, or holds no
     * collection yet; a file from before holds its documents and keys Java-serialised, which this backend cannot
     * read.
     */
    public static boolean readable(String fileName) {
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(fileName).readOnly().open();
        } catch (org.h2.mvstore.MVStoreException e) {
            return false; // not a store this backend can open either
        }
        try {
            boolean documents = store.getMapNames().stream().anyMatch(n -> n.startsWith(DATA_PREFIX));
            if (!documents) {
                return true;
            }
            if (!store.hasMap(FORMAT_MAP)) {
                return false;
            }
            MVMap<String, String> format = store.openMap(FORMAT_MAP);
            return FORMAT.equals(format.get("format"));
        } finally {
            store.close();
        }
    }

    private static MVStore prepared(MVStore store) {
        store.setRetentionTime(RETENTION_MILLIS);
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        format.putIfAbsent("format", FORMAT);
        return store;
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /** An inner class: the super constructor already opens indexes, and the backend's store is known by then. */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            // opened first with documents as BSON; the backend then opens it by name and is given this map
            getMvStore()
                    .openMap(
                            DATA_PREFIX + getFullCollectionNamespace(collectionName),
                            new MVMap.Builder<Object, Document>().valueType(BsonDocumentType.INSTANCE));
            return super.openOrCreateCollection(collectionName, options);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            // the backend opens the map by this name; an open map is returned as it is, with this key type
            String map = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            getMvStore().openMap(map, new MVMap.Builder<KeyValue, Object>().keyType(new KeyOrder()));
            return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
        }
    }

    /**
     * An index key, stored and ordered without Java serialisation when it is one string (every read model's
     * {@code _id}): written as a tag and the string's characters, ordered by {@link String#compareTo}, before every
     * other key. Any other key (several values, a number, a document) is tagged, then written and ordered as H2 does
     * for an object it does not know. The index needs only a total order consistent with the key's equality (it looks
     * keys up; it does not scan ranges), which this is.
     */
    static final class KeyOrder extends ObjectDataType {

        private static final byte ONE_STRING = 1;
        private static final byte OTHER = 2;

        @Override
        public int compare(Object a, Object b) {
            String x = single(a);
            String y = single(b);
            if (x != null && y != null) {
                return x.compareTo(y);
            }
            if (x != null || y != null) {
                return x != null ? -1 : 1;
            }
            return super.compare(a, b);
        }

        @Override
        public int getMemory(Object key) {
            String s = single(key);
            return s == null ? super.getMemory(key) : 64 + 2 * s.length();
        }

        @Override
        public void write(WriteBuffer buffer, Object key) {
            String s = single(key);
            if (s != null) {
                buffer.put(ONE_STRING).putVarInt(s.length()).putStringData(s, s.length());
            } else {
                buffer.put(OTHER);
                super.write(buffer, key);
            }
        }

        @Override
        public Object read(ByteBuffer buffer) {
            byte tag = buffer.get();
            if (tag == ONE_STRING) {
                return new KeyValue(DataUtils.readString(buffer, DataUtils.readVarInt(buffer)));
            }
            if (tag != OTHER) {
                throw new IllegalStateException("not an index key written by this backend: tag " + tag);
            }
            return super.read(buffer);
        }

        private static String single(Object key) {
            return key instanceof KeyValue k && k.size() == 1 && k.get(0) instanceof String s ? s : null;
        }
    }
}
