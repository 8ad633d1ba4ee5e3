package org.goldenthread.infra.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The read store (read models, processor tokens, personal-data keys): a real MongoDB when
 * {@code spring.mongodb.uri} is set, otherwise an in-process mongo-java-server persisted to an H2
 * MVStore file under the data directory ({@code goldenthread.read-store=memory} keeps it in memory, for tests).
 */
@Configuration(proxyBeanMethods = false)
public class ReadStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreConfiguration.class);

    /** The embedded file store, in the data directory; what is moved aside is named after it. */
    static final String STORE_FILE = "readmodels.mv";

    /**
     * Makes what was written to the read store so far durable: the embedded file store is committed and forced to
     * the device; a real MongoDB is written with a journaled majority write concern where it matters (the vault),
     * and the in-memory store has nothing to keep.
     */
    @FunctionalInterface
    public interface ReadStoreSync {
        void sync();
    }

    /**
     * The embedded server, or null when a real MongoDB is configured; its H2 backend when it keeps a file, and the
     * file that says the store is open ({@code open}, removed when it is closed cleanly); {@code tls}: the client side
     * of the embedded server's mutual TLS (null for a configured MongoDB).
     */
    public record EmbeddedMongo(
            MongoServer server, String connectionString, H2Backend file, javax.net.ssl.SSLContext tls, Path open)
            implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.shutdown();
            }
            if (open != null) {
                try {
                    Files.deleteIfExists(open);
                } catch (IOException e) {
                    log.warn("could not remove {}: the next start rebuilds the read models", open);
                }
            }
        }
    }

    /**
     * The embedded file store after an unclean stop (a kill, a power cut) is moved aside and the read models are
     * rebuilt from the events: mongo-java-server's H2 backend writes a document and its {@code _id} index entry as two
     * steps that its background commit can split, so a kill can leave a document its index does not know, and every
     * later upsert of it fails. The read store is a cache of the events (keys live in the key store), so rebuilding
     * loses nothing; the last store moved aside is kept beside it for inspection.
     */
    static Path openFileStore(Path dir) {
        Path store = dir.resolve(STORE_FILE);
        Path open = dir.resolve("readmodels.open");
        try {
            if (Files.exists(open) && Files.exists(store)) {
                try (java.util.stream.Stream<Path> old = Files.list(dir)) {
                    for (Path p : old.filter(f -> f.getFileName().toString().startsWith(STORE_FILE + ".unclean-"))
                            .toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                Path aside = dir.resolve(STORE_FILE + ".unclean-" + System.currentTimeMillis());
                Files.move(store, aside);
                log.warn(
                        "The embedded read store was not closed cleanly; it is moved to {} and the read models are "
                                + "rebuilt from the events",
                        aside);
            }
            Files.writeString(open, "the embedded read store is open; removed when it is closed cleanly\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the read store in " + dir, e);
        }
        return open;
    }

    /**
     * A store this version cannot read (its documents Java-serialised, as before they were BSON, or a file H2 cannot
     * open) is moved aside as {@code readmodels.mv.unreadable-…} and the read models are rebuilt from the events, as
     * after an unclean stop; returns where it went, or null when the store is readable or absent.
     */
    static Path setAsideIfUnreadable(Path dir) {
        Path store = dir.resolve(STORE_FILE);
        if (!Files.exists(store) || KeyOrderedH2Backend.readable(store.toString())) {
            return null;
        }
        Path aside = dir.resolve(STORE_FILE + ".unreadable-" + System.currentTimeMillis());
        try {
            Files.move(store, aside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the unreadable read store " + store + " aside", e);
        }
        log.warn(
                "The embedded read store was written in a form this version cannot read (documents Java-serialised, "
                        + "from before); it is moved to {} and the read models are rebuilt from the events",
                aside);
        return aside;
    }

    @Bean(destroyMethod = "close")
    EmbeddedMongo embeddedMongo(
            @Value("${spring.mongodb.uri:}") String uri,
            @Value("${goldenthread.read-store:file}") String mode,
            @Value("${goldenthread.data-dir:./data}") String dataDir,
            @Value("${goldenthread.read-store-cache-mib:64}") int cacheMiB) {
        if (!uri.isBlank()) {
            return new EmbeddedMongo(null, uri, null, null, null);
        }
        MongoServer server;
        H2Backend file = null;
        Path open = null;
        if ("memory".equalsIgnoreCase(mode)) {
            server = new MongoServer(new MemoryBackend());
        } else {
            Path dir = Path.of(dataDir).toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + dir, e);
            }
            open = openFileStore(dir);
            setAsideIfUnreadable(dir);
            file = new KeyOrderedH2Backend(dir.resolve(STORE_FILE).toString(), cacheMiB);
            server = new MongoServer(file);
        }
        ReadStoreTls tls = ReadStoreTls.generate();
        tls.apply(server);
        java.net.InetSocketAddress at = server.bind();
        String connection = "mongodb://127.0.0.1:" + at.getPort() + "/?tls=true";
        log.info(
                "Embedded read store (mongo-java-server, {}) on 127.0.0.1:{}, mutual TLS with "
                        + "certificates made at this start",
                mode,
                at.getPort());
        return new EmbeddedMongo(server, connection, file, tls.client, open);
    }

    @Bean
    ReadStoreSync readStoreSync(EmbeddedMongo embedded) {
        H2Backend file = embedded.file();
        if (file == null) {
            return () -> {};
        }
        return () -> {
            MVStore store = file.getMvStore();
            store.commit();
            store.sync();
        };
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EmbeddedMongo embedded) {
        com.mongodb.MongoClientSettings.Builder settings = com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(embedded.connectionString()));
        if (embedded.tls() != null) {
            settings.applyToSslSettings(
                    ssl -> ssl.enabled(true).invalidHostNameAllowed(true).context(embedded.tls()));
        }
        return MongoClients.create(settings.build());
    }

    @Bean
    MongoDatabase readStore(MongoClient client, @Value("${spring.mongodb.database:goldenthread}") String database) {
        return client.getDatabase(database);
    }
}
