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
import java.util.List;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's file backend with its documents stored as BSON ({@link BsonDocumentType}; a file that holds them
 * Java-serialised, from before, is not {@link #readable}) and its unique indexes ({@code _id} among them) compared without serialising.
 *
 * <p>The backend keeps an index as an H2 {@code MVMap} keyed by its {@code KeyValue}, which is not
 * {@code Comparable}, so H2's {@link ObjectDataType} orders two keys by Java-serialising both on every comparison:
 * a lookup or upsert in a map of n documents serialises 2·log₂n objects. In the replay benchmark that was the single
 * largest cost of the read store (≈ 45 % of its CPU). {@link KeyOrder} returns the same order for the common key — a
 * single string, which every read model's {@code _id} is — computed from the characters, and defers to H2 for every
 * other key, so files written before keep their order and stay readable both ways; what is stored is unchanged.
 */
public class KeyOrderedH2Backend extends H2Backend {

    /** The store in {@code fileName}, with {@code cacheMiB} of page cache (H2's default is 16). */
    public KeyOrderedH2Backend(String fileName, int cacheMiB) {
        super(marked(
                new MVStore.Builder().fileName(fileName).cacheSize(cacheMiB).open()));
    }

    public KeyOrderedH2Backend(String fileName) {
        this(fileName, 16);
    }

    /** The store's map saying how its documents are written, and what it says for {@link BsonDocumentType}. */
    static final String FORMAT_MAP = "goldenthread.format";

    static final String DOCUMENTS_AS_BSON = "bson";

    /**
     * Whether the file at {@code fileName} (which exists) was written with documents as BSON, or holds no collection
     * yet; a file from before holds them Java-serialised, which this backend cannot read.
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
            return DOCUMENTS_AS_BSON.equals(format.get("documents"));
        } finally {
            store.close();
        }
    }

    /** The prefix of the backend's map of a collection's documents. */
    private static final String DATA_PREFIX = "databases.";

    private static MVStore marked(MVStore store) {
        MVMap<String, String> format = store.openMap(FORMAT_MAP);
        format.putIfAbsent("documents", DOCUMENTS_AS_BSON);
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
     * H2's order of serialised {@code KeyValue}s, computed for one-string keys: Java serialisation writes such a key as
     * the same prefix, then the string as its modified-UTF-8 length (two bytes, big-endian) and bytes, so the unsigned
     * byte order H2 compares is: shorter encoding first, then the first differing character's encoding. Any other key
     * (several values, a non-string, a string of more than 65,535 encoded bytes) is compared by H2 as before.
     */
    static final class KeyOrder extends ObjectDataType {

        /** Field type strings of the serialised descriptors: equal to one, a key could be written as a reference. */
        private static final List<String> DESCRIPTOR_STRINGS = List.of("Ljava/util/List;");

        @Override
        public int compare(Object a, Object b) {
            String x = single(a);
            String y = single(b);
            if (x == null || y == null) {
                return super.compare(a, b);
            }
            int lx = encodedLength(x);
            int ly = encodedLength(y);
            if (lx > 0xFFFF || ly > 0xFFFF) {
                return super.compare(a, b);
            }
            if (lx != ly) {
                return lx < ly ? -1 : 1;
            }
            for (int i = 0; i < x.length(); i++) {
                char cx = x.charAt(i);
                char cy = y.charAt(i);
                if (cx != cy) {
                    return Integer.compare(encoded(cx), encoded(cy));
                }
            }
            return 0;
        }

        private static String single(Object key) {
            if (key instanceof KeyValue k
                    && k.size() == 1
                    && k.get(0) instanceof String s
                    && !DESCRIPTOR_STRINGS.contains(s)) {
                return s;
            }
            return null;
        }

        /** Bytes of the string in modified UTF-8 (U+0000 takes two). */
        static int encodedLength(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                n += width(s.charAt(i));
            }
            return n;
        }

        private static int width(char c) {
            if (c >= 0x0001 && c <= 0x007F) {
                return 1;
            }
            return c <= 0x07FF ? 2 : 3;
        }

        /**
         * A character's modified-UTF-8 bytes as one number whose order is their unsigned byte order: left-aligned in
         * three bytes (the encoding is prefix-free, so the first differing byte decides within the shorter one).
         */
        private static int encoded(char c) {
            return switch (width(c)) {
                case 1 -> c << 16;
                case 2 -> ((0xC0 | (c >> 6)) << 16) | ((0x80 | (c & 0x3F)) << 8);
                default -> ((0xE0 | (c >> 12)) << 16) | ((0x80 | ((c >> 6) & 0x3F)) << 8) | (0x80 | (c & 0x3F));
            };
        }
    }
}
