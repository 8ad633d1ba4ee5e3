package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilding a read model on an operator's request: its status shows the rebuild and its progress; once at the head
 * every document of the read store is as it was (the rebuilt one identical to the one it replaced, the others
 * untouched); an auditor may read the status but not rebuild; the request is recorded with who and why.
 */
class ReadModelRebuildHttpTest {

    @TempDir
    Path data;

    /**
     * A document with its fields in name order, all the way down: the read models read fields by name, and the
     * embedded store keeps a replaced document's old field order where an inserted one has its codec's order.
     */
    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof java.util.List<?> l) {
            return l.stream().map(ReadModelRebuildHttpTest::canonical).toList();
        }
        return value instanceof java.util.Date date ? date.toInstant() : value;
    }

    /** Every document of every collection but the processors' own bookkeeping, by collection and id. */
    private static Map<String, Map<String, String>> documents(MongoDatabase db) {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (String name : db.listCollectionNames()) {
            if (name.equals("trackingtokens")
                    || name.toLowerCase(java.util.Locale.ROOT).contains("deadletter")) {
                continue;
            }
            Map<String, String> docs = new TreeMap<>();
            for (Document d : db.getCollection(name).find().sort(Sorts.ascending("_id"))) {
                if (name.equals("audit") && "ReadModelRebuildStarted".equals(d.get("type"))) {
                    continue; // the rebuild's own record, an act of its own (asserted below)
                }
                docs.put(String.valueOf(d.get("_id")), canonical(d).toString());
            }
            out.put(name, docs);
        }
        return out;
    }

    @Test
    void a_rebuilt_read_model_is_identical_to_the_one_it_replaced_and_its_progress_is_shown() throws Exception {
        try (RunningApp app = RunningApp.start(
                data,
                "goldenthread.read-store=memory",
                // a rebuild of every read model then spans several chunks: the ledger, the writes behind the pass
                // and the tokens stored after each chunk all take part
                "goldenthread.replay.chunk-size=7")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            Workshop.Planned planned = w.toPlan();
            app.readFromSettledHead();
            String back = w.view("/thread?from=measure:" + planned.measure() + "&direction=back")
                    .toString();
            MongoDatabase db = app.bean(MongoDatabase.class);
            Map<String, Map<String, String>> before = documents(db);
            assertThat(before.keySet()).contains("thread_nodes");

            Api admin = facilitator.as("admin");
            Api auditor = facilitator.as("auditor");
            assertThat(auditor.post("/api/admin/read-models/thread/rebuild", Map.of("reason", "mine"))
                            .status())
                    .isEqualTo(403);
            assertThat(admin.post("/api/admin/read-models/nothing/rebuild", Map.of("reason", "x"))
                            .status())
                    .isEqualTo(404);
            assertThat(admin.post("/api/admin/read-models/thread/rebuild", Map.of())
                            .status())
                    .isEqualTo(400);
            Api.Response started =
                    admin.post("/api/admin/read-models/thread/rebuild", Map.of("reason", "checking a replay"));
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.location()).endsWith("/api/admin/read-models/thread");
            assertThat(started.json().get("total").asLong()).isPositive();
            assertThat(started.json().get("rebuildStartedBy").asText()).isEqualTo("admin");

            JsonNode done = Api.eventually(
                    () -> auditor.get("/api/admin/read-models/thread").json(),
                    s -> s.get("status").asText().equals("LIVE"));
            assertThat(done.get("processed").asLong())
                    .isEqualTo(done.get("total").asLong());
            assertThat(done.get("etaSeconds").asLong()).isZero();
            assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
            assertThat(done.get("reason").asText()).isEqualTo("checking a replay");

            app.readFromSettledHead();
            assertThat(w.view("/thread?from=measure:" + planned.measure() + "&direction=back")
                            .toString())
                    .isEqualTo(back);
            assertThat(documents(db)).isEqualTo(before);
            assertThat(db.getCollection("audit")
                            .countDocuments(com.mongodb.client.model.Filters.eq("type", "ReadModelRebuildStarted")))
                    .isEqualTo(1);
            JsonNode all = auditor.get("/api/admin/read-models").json();
            assertThat(all.size()).isGreaterThan(5);
            all.forEach(s -> assertThat(s.get("status").asText()).isIn("LIVE", "CATCHING_UP"));

            // every read model at once, in one pass over the events: again identical, document for document
            assertThat(auditor.post("/api/admin/read-models/rebuild", Map.of("reason", "mine"))
                            .status())
                    .isEqualTo(403);
            assertThat(admin.post("/api/admin/read-models/rebuild", Map.of()).status())
                    .isEqualTo(400);
            Api.Response everything =
                    admin.post("/api/admin/read-models/rebuild", Map.of("reason", "checking a full replay"));
            assertThat(everything.status()).as(everything.toString()).isEqualTo(202);
            assertThat(everything.json().size()).isEqualTo(all.size());
            everything.json().forEach(s -> assertThat(s.get("reason").asText()).isEqualTo("checking a full replay"));
            for (JsonNode s : everything.json()) {
                String readModel = s.get("readModel").asText();
                JsonNode rebuilt = Api.eventually(
                        () -> auditor.get("/api/admin/read-models/" + readModel).json(),
                        r -> r.get("status").asText().equals("LIVE"));
                assertThat(rebuilt.get("processed").asLong())
                        .isEqualTo(rebuilt.get("total").asLong());
                assertThat(rebuilt.get("failure").isNull())
                        .as(rebuilt.toString())
                        .isTrue();
            }
            app.readFromSettledHead();
            Map<String, Map<String, String>> after = documents(db);
            for (String collection : before.keySet()) {
                assertThat(after.get(collection)).as(collection).isEqualTo(before.get(collection));
            }
            assertThat(after).isEqualTo(before);
            assertThat(db.getCollection("audit")
                            .countDocuments(com.mongodb.client.model.Filters.eq("type", "ReadModelRebuildStarted")))
                    .isEqualTo(1 + all.size());
            assertThat(w.view("/thread?from=measure:" + planned.measure() + "&direction=back")
                            .toString())
                    .isEqualTo(back);
        }
    }
}
