package org.goldenthread.query.readstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DocumentsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> entries;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        entries = client.getDatabase("db").getCollection("entries");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void count_says_how_many_documents_match_across_more_than_one_batch_of_ids() {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 25_003; i++) {
            docs.add(new Document("_id", "e" + i).append("actor", i % 3 == 0 ? "A" : "B"));
        }
        entries.insertMany(docs);

        assertThat(Documents.count(entries, Filters.eq("actor", "A"))).isEqualTo(8_335);
        assertThat(Documents.count(entries, Filters.eq("actor", "B"))).isEqualTo(16_668);
        assertThat(Documents.count(entries, Filters.eq("actor", "nobody"))).isZero();
        assertThat(Documents.count(entries, new Document())).isEqualTo(25_003);
    }
}
