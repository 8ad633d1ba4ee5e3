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
    void index_keys_are_totally_ordered_consistently_with_their_equality_and_read_back_as_written() {
        KeyOrderedH2Backend.KeyOrder order = new KeyOrderedH2Backend.KeyOrder();
        Random random = new Random(20261202);
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            keys.add(randomKeyValue(random));
        }
        keys.add(new KeyValue("same"));
        keys.add(new KeyValue("same"));
        for (Object a : keys) {
            for (Object b : keys) {
                int ab = Integer.signum(order.compare(a, b));
                assertThat(ab).as("%s vs %s", a, b).isEqualTo(-Integer.signum(order.compare(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            }
        }
        List<Object> sorted = new ArrayList<>(keys);
        sorted.sort(order);
        for (int i = 0; i + 2 < sorted.size(); i += 3) {
            // transitive: the sort put them in an order each pair agrees with
            assertThat(order.compare(sorted.get(i), sorted.get(i + 2))).isLessThanOrEqualTo(0);
        }
        for (Object key : keys) {
            org.h2.mvstore.WriteBuffer out = new org.h2.mvstore.WriteBuffer();
            order.write(out, key);
            out.put((byte) 99); // what follows the key is left where it was
            java.nio.ByteBuffer in = out.getBuffer();
            in.flip();
            assertThat(order.read(in)).isEqualTo(key);
            assertThat(in.get()).isEqualTo((byte) 99);
        }
        // every one-string key sorts before any other key; one-string keys by their characters
        assertThat(order.compare(new KeyValue("zzz"), new KeyValue(1))).isNegative();
        assertThat(order.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
        assertThat(order.compare(new KeyValue("b"), new KeyValue("a", "b"))).isNegative();
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
    void documents_of_every_bson_type_are_stored_as_bson_and_read_back_as_they_were_written_after_a_restart() {
        String file = dir.resolve("read.mv").toString();
        Random random = new Random(7);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            ids.add(randomString(random, 12) + i);
        }
        Document every = new Document("text", "I am lonely — ж €\uD83D\uDE00")
                .append("int", 42)
                .append("long", 1L << 40)
                .append("double", 2.5)
                .append("decimal", new org.bson.types.Decimal128(new java.math.BigDecimal("12.340")))
                .append("yes", true)
                .append("none", null)
                .append("when", new java.util.Date(1_764_000_000_123L))
                .append("oid", new org.bson.types.ObjectId("5f1d7a2e9b1e8a3c4d5e6f70"))
                .append("uuid", new org.bson.types.Binary((byte) 4, new byte[16]))
                .append("bytes", new org.bson.types.Binary(new byte[] {0, 1, 2, (byte) 255}))
                .append("list", List.of(1, "two", new Document("three", 3.0), List.of()))
                .append("nested", new Document("a", new Document("b", List.of(new Document("c", "d")))));
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        withStore(new KeyOrderedH2Backend(file), docs -> {
            for (int i = 0; i < 2_000; i++) {
                String id = ids.get(i);
                docs.replaceOne(
                        Filters.eq("_id", id),
                        new Document("_id", id).append("v", 1).append("every", every),
                        upsert);
            }
            return null;
        });
        assertThat(KeyOrderedH2Backend.readable(file)).isTrue();
        withStore(new KeyOrderedH2Backend(file), docs -> {
            // an upsert of an existing id replaces it (found through the index), a new id is added
            for (String id : ids.subList(1_000, 3_000)) {
                docs.replaceOne(Filters.eq("_id", id), new Document("_id", id).append("v", 2), upsert);
            }
            assertThat(docs.countDocuments()).isEqualTo(3_000);
            return null;
        });
        withStore(new KeyOrderedH2Backend(file), docs -> {
            assertThat(docs.countDocuments()).isEqualTo(3_000);
            for (int i = 0; i < ids.size(); i++) {
                Document d = docs.find(Filters.eq("_id", ids.get(i))).first();
                assertThat(d).as(ids.get(i)).isNotNull();
                assertThat(d.getInteger("v")).isEqualTo(i < 1_000 ? 1 : 2);
                if (i < 1_000) {
                    assertThat(d.get("every", Document.class).toJson()).isEqualTo(every.toJson());
                    assertThat(d.get("every", Document.class)).isEqualTo(every);
                }
            }
            return null;
        });
    }

    @Test
    void a_file_whose_documents_the_plain_backend_java_serialised_is_not_readable_and_is_set_aside() throws Exception {
        Path file = dir.resolve("readmodels.mv");
        withStore(new H2Backend(file.toString()), docs -> {
            docs.insertOne(new Document("_id", "a").append("v", 1));
            return null;
        });
        assertThat(KeyOrderedH2Backend.readable(file.toString())).isFalse();

        Path aside = ReadStoreConfiguration.setAsideIfUnreadable(dir);

        assertThat(aside).isNotNull().exists();
        assertThat(aside.getFileName().toString()).startsWith("readmodels.mv.unreadable-");
        assertThat(file).doesNotExist();
        withStore(new KeyOrderedH2Backend(file.toString()), docs -> {
            assertThat(docs.countDocuments()).isZero();
            docs.insertOne(new Document("_id", "a").append("v", 2));
            return null;
        });
        assertThat(ReadStoreConfiguration.setAsideIfUnreadable(dir)).isNull();
        assertThat(file).exists();
    }

    @Test
    void a_file_h2_cannot_open_is_set_aside_and_an_empty_store_is_readable() throws Exception {
        Path file = dir.resolve("readmodels.mv");
        java.nio.file.Files.writeString(file, "not a store");
        assertThat(ReadStoreConfiguration.setAsideIfUnreadable(dir)).isNotNull();
        assertThat(file).doesNotExist();

        new org.h2.mvstore.MVStore.Builder().fileName(file.toString()).open().close();
        assertThat(KeyOrderedH2Backend.readable(file.toString())).isTrue();
        assertThat(ReadStoreConfiguration.setAsideIfUnreadable(dir)).isNull();
    }

    @Test
    void a_long_read_keeps_the_version_it_started_on_while_other_writes_are_committed_and_compacted() {
        KeyOrderedH2Backend backend =
                new KeyOrderedH2Backend(dir.resolve("long.mv").toString(), 1);
        try {
            org.h2.mvstore.MVStore store = backend.getMvStore();
            assertThat(store.getRetentionTime()).isEqualTo(KeyOrderedH2Backend.RETENTION_MILLIS);
            org.h2.mvstore.MVMap<Integer, String> big = store.openMap("big");
            for (int i = 0; i < 200_000; i++) {
                big.put(i, "value-" + i + "-".repeat(20));
            }
            store.commit();
            java.util.Iterator<String> scan = big.values().iterator();
            int read = 0;
            for (int i = 0; i < 1_000; i++) {
                scan.next();
                read++;
            }
            // meanwhile: writes, commits and compaction move the pages the scan has yet to read (with H2's default
            // retention of 45 s, or less, the chunks they were in are reused: "Chunk … not found")
            org.h2.mvstore.MVMap<Integer, String> other = store.openMap("other");
            for (int round = 0; round < 30; round++) {
                for (int i = 0; i < 200_000; i += 7) {
                    big.put(i, "changed " + round);
                }
                for (int i = 0; i < 20_000; i++) {
                    other.put(i, "o" + round + i);
                }
                store.commit();
                store.compact(90, 1 << 20);
            }
            while (scan.hasNext()) {
                assertThat(scan.next()).startsWith("value-");
                read++;
            }
            assertThat(read).isEqualTo(200_000);
        } finally {
            backend.close();
        }
    }
}
