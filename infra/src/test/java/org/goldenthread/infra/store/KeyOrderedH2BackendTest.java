package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.bson.Document;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyOrderedH2BackendTest {

    @TempDir
    Path dir;

    private static final String ALPHABET = "aZ09-_:. éßж€\u0000\u07FF\u0800\uD83D\uDE00\uFFFF";

    private static String randomString(Random random, int max) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(max + 1);
        for (int i = 0; i < length; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private static Object randomKeyValue(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> new KeyValue(random.nextInt(5));
            case 1 -> new KeyValue(randomString(random, 4), randomString(random, 4));
            case 2 -> new KeyValue("Ljava/util/List;");
            case 3 -> new KeyValue(randomString(random, 3) + "x".repeat(70_000));
            default -> new KeyValue(randomString(random, 6));
        };
    }

    @Test
    void orders_every_key_exactly_as_h2_orders_it_serialised() {
        ObjectDataType h2 = new ObjectDataType();
        KeyOrderedH2Backend.KeyOrder fast = new KeyOrderedH2Backend.KeyOrder();
        Random random = new Random(20261202);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            Object a = randomKeyValue(random);
            Object b = random.nextInt(8) == 0 ? a : randomKeyValue(random);
            assertThat(Integer.signum(fast.compare(a, b)))
                    .as("%s vs %s", a, b)
                    .isEqualTo(Integer.signum(h2.compare(a, b)));
            checked++;
        }
        assertThat(checked).isEqualTo(20_000);
    }

    private static void withStore(H2Backend backend, Function<MongoCollection<Document>, Void> work) {
        MongoServer server = new MongoServer(backend);
        var at = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + at.getPort())) {
            work.apply(client.getDatabase("db").getCollection("docs"));
        } finally {
            server.shutdownNow();
        }
    }

    @Test
    void a_file_written_by_the_plain_backend_is_read_and_written_by_this_one_and_back() {
        String file = dir.resolve("read.mv").toString();
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ids.add(randomString(random, 12) + i);
        }
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        withStore(new H2Backend(file), docs -> {
            for (String id : ids.subList(0, 2_000)) {
                docs.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("v", 1), upsert);
            }
            return null;
        });
        withStore(new KeyOrderedH2Backend(file), docs -> {
            for (String id : ids.subList(0, 2_000)) {
                assertThat(docs.find(Filters.eq("_id", id)).first()).as(id).isNotNull();
            }
            // an upsert of an existing id replaces it (found through the index), a new id is added
            for (String id : ids.subList(1_000, 3_000)) {
                docs.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("v", 2), upsert);
            }
            assertThat(docs.countDocuments()).isEqualTo(3_000);
            return null;
        });
        withStore(new H2Backend(file), docs -> {
            assertThat(docs.countDocuments()).isEqualTo(3_000);
            for (int i = 0; i < ids.size(); i++) {
                Document d = docs.find(Filters.eq("_id", ids.get(i))).first();
                assertThat(d).as(ids.get(i)).isNotNull();
                assertThat(d.getInteger("v")).isEqualTo(i < 1_000 ? 1 : 2);
            }
            return null;
        });
    }
}
