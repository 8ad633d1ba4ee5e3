package org.goldenthread.query.readstore;

import com.carrotsearch.hppc.LongHashSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * What a rebuild has written, so that it need not ask the read store about documents it never wrote. A rebuild
 * starts from dropped collections and is their only writer while it runs; a document it has not written does not
 * exist, so looking it up would be a round trip to the store that finds nothing — most of a rebuild's reads, since
 * every document is new once. The ledger keeps, per collection, a 64-bit hash of each id written (8 bytes a
 * document: 3 million documents in ≈ 50 MiB); an id not in it is known not to exist, one in it (or a hash collision)
 * is read from the store as usual.
 *
 * <p>A collection counts only if it was empty when the rebuild first touched it (checked once with a one-document
 * query); any other collection is read as usual. Put in a unit of work's resources under {@link #RESOURCE} by whoever
 * runs the rebuild; every {@link WriteBatch} of that unit of work consults it.
 */
public final class RebuildLedger {

    /** The unit-of-work resource the ledger is found under. */
    public static final String RESOURCE = RebuildLedger.class.getName();

    private final Map<String, LongHashSet> written = new HashMap<>();

    private final Map<String, Boolean> covered = new HashMap<>();

    private boolean over;

    /** Whether the document is known not to exist: its collection started empty and the rebuild never wrote it. */
    synchronized boolean absent(DocumentCollection<?> collection, String id) {
        return covers(collection) && !written.get(name(collection)).contains(hash(id));
    }

    /** Records documents written. */
    synchronized void written(DocumentCollection<?> collection, Collection<String> ids) {
        if (covers(collection)) {
            LongHashSet mine = written.get(name(collection));
            for (String id : ids) {
                mine.add(hash(id));
            }
        }
    }

    /** Documents recorded, over every collection covered. */
    public synchronized long size() {
        return written.values().stream().mapToLong(LongHashSet::size).sum();
    }

    /**
     * The rebuild is over: what it recorded is freed (about 64 MiB after a million events, kept as long as the
     * rebuild's status is), and from now on every collection is read as usual.
     */
    public synchronized void forget() {
        over = true;
        written.clear();
        covered.clear();
    }

    private boolean covers(DocumentCollection<?> collection) {
        if (over) {
            return false;
        }
        String name = name(collection);
        Boolean known = covered.get(name);
        if (known == null) {
            known = collection.collection().find().limit(1).first() == null;
            covered.put(name, known);
            if (known) {
                written.put(name, new LongHashSet());
            }
        }
        return known;
    }

    private static String name(DocumentCollection<?> collection) {
        return collection.collection().getNamespace().getFullName();
    }

    /** FNV-1a over the id's characters, 64 bits. */
    static long hash(String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            h ^= id.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
