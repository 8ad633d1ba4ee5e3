package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.FlakyProxy;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing projection never skips an event: a poison event waits in the dead-letter queue (the rest of its
 * programme behind it, other programmes going on) until an operator retries it after the fix; a read store that is
 * unreachable for a few seconds under load is waited out, and every view then equals a full replay.
 */
class ProjectionFailureHttpTest {

    @TempDir
    Path data;

    private static List<String> texts(JsonNode board) {
        List<String> out = new ArrayList<>();
        board.get("unclustered").forEach(s -> out.add(s.get("text").asText()));
        board.get("themes")
                .forEach(t ->
                        t.get("statements").forEach(s -> out.add(s.get("text").asText())));
        return out;
    }

    @Test
    void a_poison_event_waits_in_the_dead_letter_queue_until_retried_after_the_fix() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Api admin = app.api("admin");
            Workshop a = Workshop.launch(facilitator);
            Workshop b = Workshop.launch(facilitator);
            a.review("P-1", "NOT_WORKING", 1, "I have only one friend");
            // a read-model document the board projection cannot update: P-9's statement list is not a list
            MongoDatabase readStore = app.bean(MongoDatabase.class);
            readStore
                    .getCollection("board_people")
                    .updateOne(
                            Filters.eq("_id", a.id + "|P-9"),
                            Updates.set("statementIds", "not a list"),
                            new UpdateOptions().upsert(true));

            a.review("P-9", "NOT_WORKING", 1, "I only have staff in my life");
            a.review("P-10", "NOT_WORKING", 1, "I am bored");
            b.review("P-1", "NOT_WORKING", 1, "I don't have my own space");

            // the other programme goes on; this one's board waits behind the poison event
            assertThat(texts(b.view("/boards/NOT_WORKING"))).containsExactly("I don't have my own space");
            assertThat(texts(a.view("/boards/NOT_WORKING"))).containsExactly("I have only one friend");

            Response listed = admin.get("/api/admin/dead-letters");
            assertThat(listed.status()).isEqualTo(200);
            JsonNode sequences = listed.json();
            assertThat(sequences).hasSize(1);
            assertThat(sequences.get(0).get("processor").asText()).isEqualTo("board");
            assertThat(sequences.get(0).get("sequenceId").asText()).isEqualTo(a.id);
            assertThat(sequences.get(0).get("letters").findValuesAsText("eventType"))
                    .containsExactly("StatementRecorded", "StatementRecorded");
            assertThat(sequences.get(0).get("letters").get(0).get("causeType").asText())
                    .isNotBlank();
            assertThat(listed.body()).doesNotContain("staff in my life").doesNotContain("I am bored");
            assertThat(app.api("auditor").get("/api/admin/dead-letters").status())
                    .isEqualTo(200);
            assertThat(facilitator.get("/api/admin/dead-letters").status()).isEqualTo(403);
            assertThat(app.api("auditor")
                            .post("/api/admin/dead-letters/board/retry", null)
                            .status())
                    .isEqualTo(403);

            assertThat(app.api(null)
                            .get("/actuator/health")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("DEGRADED");
            JsonNode health = admin.get("/actuator/health").json();
            assertThat(health.get("components")
                            .get("deadLetters")
                            .get("details")
                            .get("deadLetters")
                            .get("board")
                            .asInt())
                    .isEqualTo(2);
            assertThat(admin.get("/actuator/prometheus").body())
                    .containsPattern("goldenthread_dead_letters\\{[^}]*processor=\"board\"[^}]*} 2\\.0");

            // retried before the fix: they fail again and stay, in order
            JsonNode again =
                    admin.post("/api/admin/dead-letters/board/retry", null).json();
            assertThat(again.get("deadLettersLeft").asInt()).isEqualTo(2);
            assertThat(texts(a.view("/boards/NOT_WORKING"))).containsExactly("I have only one friend");

            // the fix, then the retry applies them
            readStore.getCollection("board_people").deleteOne(Filters.eq("_id", a.id + "|P-9"));
            Response retried = admin.post("/api/admin/dead-letters/board/" + a.id + "/retry", null);
            assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
            assertThat(retried.json().get("deadLettersLeft").asInt()).isZero();
            assertThat(texts(a.view("/boards/NOT_WORKING")))
                    .containsExactly("I have only one friend", "I only have staff in my life", "I am bored");
            assertThat(app.api(null)
                            .get("/actuator/health")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("UP");
            assertThat(admin.get("/api/admin/dead-letters").json()).isEmpty();

            // the last resort: evicting drops a sequence's letters (a reason is required)
            readStore
                    .getCollection("board_people")
                    .updateOne(
                            Filters.eq("_id", a.id + "|P-11"),
                            Updates.set("statementIds", "not a list"),
                            new UpdateOptions().upsert(true));
            a.review("P-11", "NOT_WORKING", 1, "My bedroom is not right for me");
            assertThat(admin.get("/api/admin/dead-letters").json()).hasSize(1);
            assertThat(admin.delete("/api/admin/dead-letters/board/" + a.id, Map.of())
                            .status())
                    .isEqualTo(400);
            Response evicted =
                    admin.delete("/api/admin/dead-letters/board/" + a.id, Map.of("reason", "a test of eviction"));
            assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
            assertThat(evicted.json().get("evicted").asInt()).isEqualTo(1);
            assertThat(admin.delete("/api/admin/dead-letters/board/" + a.id, Map.of("reason", "again"))
                            .status())
                    .isEqualTo(404);
            assertThat(admin.post("/api/admin/dead-letters/nothing/retry", null).status())
                    .isEqualTo(404);
        }
    }

    @Test
    void a_read_store_unreachable_for_seconds_under_load_leaves_every_view_equal_to_a_full_replay() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        try (FlakyProxy proxy = new FlakyProxy(address.getPort());
                RunningApp app = RunningApp.start(
                        data,
                        "spring.mongodb.uri=mongodb://127.0.0.1:" + proxy.port()
                                + "/?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000&socketTimeoutMS=3000",
                        "goldenthread.read-your-writes.max-wait=PT90S")) {
            Api facilitator = app.api("facilitator");
            List<Workshop> programmes = new ArrayList<>();
            List<String> themes = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Workshop w = Workshop.launch(facilitator);
                List<String> s =
                        w.review("P-1", "NOT_WORKING", 1, "I have only one friend", "NOT_WORKING", 2, "I am bored");
                themes.add(w.theme("NOT_WORKING", "I am lonely", List.of(s.get(0))));
                programmes.add(w);
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger done = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(3);
            for (int i = 0; i < 3; i++) {
                Workshop w = programmes.get(i);
                String theme = themes.get(i);
                pool.submit(() -> {
                    for (int n = 0; !stop.get(); n++) {
                        Response r = n % 4 == 0
                                ? w.post(
                                        "/reviews",
                                        Map.of(
                                                "person",
                                                "P-x" + n,
                                                "statements",
                                                List.of(Map.of(
                                                        "category",
                                                        "WORKING",
                                                        "priority",
                                                        1,
                                                        "text",
                                                        "Going to the pub " + n))))
                                : w.put(
                                        "/boards/NOT_WORKING/themes/" + theme + "/title",
                                        Map.of("title", "I am lonely " + n));
                        (r.status() < 300 ? done : refused).incrementAndGet();
                    }
                    return null;
                });
            }
            Thread.sleep(1500);
            proxy.down();
            Thread.sleep(3000);
            proxy.up();
            Thread.sleep(1500);
            stop.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(done.get()).isGreaterThan(30);

            // every act in the store, also one whose answer a writer did not get (cut off by the outage, it may
            // commit after the writers stopped)
            app.readFromSettledHead();
            Map<String, String> before = views(programmes);
            assertThat(app.api("admin").get("/api/admin/dead-letters").json()).isEmpty();

            EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
            for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .toList()) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
            Map<String, String> replayed = views(programmes);
            assertThat(replayed)
                    .as(() -> eventsOfDiffering(app, before, replayed))
                    .isEqualTo(before);
        } finally {
            mongo.shutdownNow();
        }
    }

    /** For a failure's message: the last events (position, type) of each programme whose views differ. */
    private static String eventsOfDiffering(RunningApp app, Map<String, String> before, Map<String, String> after) {
        StringBuilder out = new StringBuilder("views differ after a full replay; the last events of each programme:");
        before.keySet().stream()
                .filter(k -> !before.get(k).equals(after.get(k)))
                .map(k -> k.substring(0, 36))
                .distinct()
                .forEach(programme -> {
                    out.append("\n").append(programme).append(":");
                    try (java.sql.Connection c =
                                    app.bean(javax.sql.DataSource.class).getConnection();
                            java.sql.PreparedStatement st = c.prepareStatement("select globalIndex, payloadType"
                                    + " from domainevententry where aggregateIdentifier = ?"
                                    + " order by globalIndex desc limit 12")) {
                        st.setString(1, programme);
                        java.sql.ResultSet rs = st.executeQuery();
                        while (rs.next()) {
                            out.append(" ")
                                    .append(rs.getLong(1))
                                    .append("=")
                                    .append(rs.getString(2).replaceAll(".*\\.", ""));
                        }
                    } catch (java.sql.SQLException e) {
                        out.append(" (").append(e).append(")");
                    }
                });
        return out.toString();
    }

    /**
     * Every view of the programmes, read with the latest write's position. A board's {@code version} is left out: it is
     * the live processor's token position, which under concurrent writers can run ahead of the board's last event (a
     * later event of another programme committed first, then this programme's filled the gap); a replay has no gaps,
     * so the same board gets its last event's own position. Every field of what the board shows is compared.
     */
    private static Map<String, String> views(List<Workshop> programmes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Workshop w : programmes) {
            for (String view : List.of(
                    "", "/boards/NOT_WORKING", "/boards/WORKING", "/boards/FUTURE", "/thread/links", "/progress")) {
                com.fasterxml.jackson.databind.JsonNode v = w.view(view);
                if (view.startsWith("/boards/")) {
                    v = v.deepCopy();
                    ((com.fasterxml.jackson.databind.node.ObjectNode) v).remove("version");
                }
                out.put(w.id + view, v.toString());
            }
        }
        return out;
    }
}
