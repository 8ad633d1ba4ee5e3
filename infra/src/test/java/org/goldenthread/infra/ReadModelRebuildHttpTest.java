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
                docs.put(String.valueOf(d.get("_id")), d.toJson());
            }
            out.put(name, docs);
        }
        return out;
    }

    @Test
    void a_rebuilt_read_model_is_identical_to_the_one_it_replaced_and_its_progress_is_shown() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
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
        }
    }
}
