package org.goldenthread.infra.store;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Where the per-person keys live, wrapped by the {@link MasterKey}: a store of its own, never the read store (which
 * stays droppable and rebuildable) nor the event store. The embedded default is an H2 file ({@code ./data/keys});
 * {@code goldenthread.keys.url} points it at a database of its own (PostgreSQL); a KMS fits behind this interface.
 * Every write is durable before it returns.
 */
public interface PersonKeyStore {

    /** The wrapped key, if there is one. */
    Optional<byte[]> find(String ref);

    /**
     * Stores each wrapped key unless one is stored already; answers what is stored for each (the first writer wins).
     */
    Map<String, byte[]> createIfAbsent(Map<String, byte[]> wrapped);

    /** Destroys the key; nothing if there is none. Throws when the store cannot do it. */
    void destroy(String ref);

    /** Every reference held (for the migration and tests). */
    Collection<String> refs();
}
