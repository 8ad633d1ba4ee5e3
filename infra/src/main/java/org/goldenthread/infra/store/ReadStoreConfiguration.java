package org.goldenthread.infra.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The read store (read models, processor tokens, personal-data keys): a real MongoDB when
 * {@code spring.mongodb.uri} is set, otherwise an in-process mongo-java-server persisted to an H2
 * MVStore file under the data directory ({@code goldenthread.read-store=memory} keeps it in memory, for tests).
 */
@Configuration(proxyBeanMethods = false)
public class ReadStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ReadStoreConfiguration.class);

    /** The embedded server, or null when a real MongoDB is configured. */
    public record EmbeddedMongo(MongoServer server, String connectionString) implements AutoCloseable {
        @Override
        public void close() {
            if (server != null) {
                server.shutdown();
            }
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedMongo embeddedMongo(@Value("${spring.mongodb.uri:}") String uri,
                                @Value("${goldenthread.read-store:file}") String mode,
                                @Value("${goldenthread.data-dir:./data}") String dataDir) {
        if (!uri.isBlank()) {
            return new EmbeddedMongo(null, uri);
        }
        MongoServer server;
        if ("memory".equalsIgnoreCase(mode)) {
            server = new MongoServer(new MemoryBackend());
        } else {
            Path dir = Path.of(dataDir).toAbsolutePath();
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create data directory " + dir, e);
            }
            server = new MongoServer(new H2Backend(dir.resolve("readmodels.mv").toString()));
        }
        String connection = server.bindAndGetConnectionString();
        log.info("Embedded read store (mongo-java-server, {}) at {}", mode, connection);
        return new EmbeddedMongo(server, connection);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(EmbeddedMongo embedded) {
        return MongoClients.create(embedded.connectionString());
    }

    @Bean
    MongoDatabase readStore(MongoClient client, @Value("${spring.mongodb.database:goldenthread}") String database) {
        return client.getDatabase(database);
    }
}
