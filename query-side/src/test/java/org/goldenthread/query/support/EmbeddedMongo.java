package org.goldenthread.query.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory MongoDB (mongo-java-server) for one test class; each call to {@link #freshDatabase()} is empty. */
public final class EmbeddedMongo implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private final MongoServer server;
    private final MongoClient client;

    public EmbeddedMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
    }

    public MongoDatabase freshDatabase() {
        return client.getDatabase("golden_thread_" + DATABASES.incrementAndGet());
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
    }
}
