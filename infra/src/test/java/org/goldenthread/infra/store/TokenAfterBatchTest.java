package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TokenAfterBatchTest {

    private MongoServer server;
    private MongoClient client;
    private TokenAfterBatch tokens;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        tokens = new TokenAfterBatch(MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, "tokens")
                        .build())
                .serializer(JacksonSerializer.defaultSerializer()));
        tokens.initializeTokenSegments("board", 1, new GlobalSequenceTrackingToken(5));
        tokens.fetchToken("board", 0);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_token_stored_while_a_batch_is_handled_is_written_when_the_batch_commits() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        tokens.storeToken(new GlobalSequenceTrackingToken(9), "board", 0);
        assertThat(tokens.fetchToken("board", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));

        batch.commit();
        assertThat(tokens.fetchToken("board", 0)).isEqualTo(new GlobalSequenceTrackingToken(9));
    }

    @Test
    void a_batch_that_fails_leaves_the_token_where_it_was() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        tokens.storeToken(new GlobalSequenceTrackingToken(9), "board", 0);
        batch.rollback(new IllegalStateException("the read store went away"));

        assertThat(tokens.fetchToken("board", 0)).isEqualTo(new GlobalSequenceTrackingToken(5));
    }

    @Test
    void outside_a_batch_a_token_is_written_at_once() {
        tokens.storeToken(new GlobalSequenceTrackingToken(7), "board", 0);

        assertThat(tokens.fetchToken("board", 0)).isEqualTo(new GlobalSequenceTrackingToken(7));
    }
}
