package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.infra.support.Api.now;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.kernel.PersonalDataVault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ForgetPerson end to end: the words are never in the event store in plain text; forgetting destroys
 * the person's key, every view shows their words as erased (also after a full replay), the links stay,
 * and nobody else's words are lost.
 */
class CryptoShreddingTest {

    @TempDir
    Path data;

    private static Map<String, JsonNode> byText(JsonNode theme) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        theme.get("statements").forEach(s -> out.put(s.get("statementId").asText(), s));
        return out;
    }

    @Test
    void forgetting_a_person_erases_their_words_everywhere_and_keeps_everything_else() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api api = app.api("facilitator");
            String p = api.post(
                            "/api/programmes",
                            Map.of("purpose", "We are using WTfC to listen so that we change", "level", "UNIT"))
                    .json()
                    .get("programmeId")
                    .asText();
            String forgotten = api.post(
                            "/api/programmes/" + p + "/reviews",
                            Map.of(
                                    "person",
                                    "P-1",
                                    "statements",
                                    List.of(Map.of(
                                            "category",
                                            "NOT_WORKING",
                                            "priority",
                                            1,
                                            "text",
                                            "I have only one friend"))))
                    .json()
                    .get("statementIds")
                    .get(0)
                    .asText();
            String kept = api.post(
                            "/api/programmes/" + p + "/reviews",
                            Map.of(
                                    "person",
                                    "P-2",
                                    "statements",
                                    List.of(Map.of(
                                            "category",
                                            "NOT_WORKING",
                                            "priority",
                                            1,
                                            "text",
                                            "I only have staff in my life"))))
                    .json()
                    .get("statementIds")
                    .get(0)
                    .asText();
            String theme = api.post(
                            "/api/programmes/" + p + "/boards/NOT_WORKING/themes",
                            Map.of("title", "I am lonely", "statementIds", List.of(forgotten, kept)))
                    .json()
                    .get("themeId")
                    .asText();
            String board = "/api/programmes/" + p + "/boards/NOT_WORKING";
            now(
                    () -> api.get(board).json(),
                    b -> b.get("themes").size() == 1
                            && b.get("themes").get(0).get("statements").size() == 2);

            // the words are sealed at rest in the event store
            List<String> payloads = new ArrayList<>();
            try (Connection c = app.bean(DataSource.class).getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT payload FROM DomainEventEntry")) {
                while (rs.next()) {
                    payloads.add(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                }
            }
            assertThat(payloads)
                    .isNotEmpty()
                    .noneMatch(s -> s.contains("only one friend") || s.contains("staff in my life"));
            assertThat(payloads).anyMatch(s -> s.contains("StatementRecorded") || s.contains("cipherText"));

            // only a facilitator or admin may forget, and a reason is required
            assertThat(app.api("auditor")
                            .post("/api/programmes/" + p + "/people/P-1/forget", Map.of("reason", "asked"))
                            .status())
                    .isEqualTo(403);
            assertThat(api.post("/api/programmes/" + p + "/people/P-1/forget", Map.of())
                            .status())
                    .isEqualTo(400);
            assertThat(api.post("/api/programmes/" + p + "/people/P-404/forget", Map.of("reason", "asked"))
                            .status())
                    .isEqualTo(404);

            org.goldenthread.infra.store.JdbcPersonKeyStore keys =
                    app.bean(org.goldenthread.infra.store.JdbcPersonKeyStore.class);
            assertThat(keys.find(p + "/P-1")).isPresent();
            Api.Response asked = app.api("admin")
                    .post(
                            "/api/programmes/" + p + "/people/P-1/forget",
                            Map.of("reason", "the person asked us to erase their words"));
            assertThat(asked.status()).isEqualTo(202);
            assertThat(asked.location()).isEqualTo("/api/programmes/" + p + "/erasures/P-1");
            assertThat(asked.json().get("status").asText()).isEqualTo("PENDING");
            JsonNode done = erasureDone(api, asked.location());
            assertThat(done.get("requestedBy").asText()).isEqualTo("admin");
            assertThat(done.get("keyDestroyedAt").asText()).isNotBlank();
            assertThat(keys.find(p + "/P-1")).isEmpty();
            assertThat(keys.find(p + "/P-2")).isPresent();
            // the keys are not in the read store, and are wrapped by the master key in their own store
            assertThat(app.bean(MongoDatabase.class)
                            .getCollection("person_keys")
                            .countDocuments())
                    .isZero();
            assertThat(keys.find(p + "/P-2").get()).hasSize(12 + 32 + 16);

            JsonNode erased = now(
                    () -> api.get(board).json(),
                    b -> byText(b.get("themes").get(0))
                            .get(forgotten)
                            .get("erased")
                            .asBoolean());
            Map<String, JsonNode> statements = byText(erased.get("themes").get(0));
            assertThat(statements.get(forgotten).get("text").asText()).isEqualTo(PersonalDataVault.ERASED);
            assertThat(statements.get(kept).get("text").asText()).isEqualTo("I only have staff in my life");
            assertThat(statements.get(kept).get("erased").asBoolean()).isFalse();
            assertThat(erased.get("themes").get(0).get("themeId").asText()).isEqualTo(theme);
            assertThat(now(
                                    () -> api.get("/api/programmes/" + p).json(),
                                    v -> v.get("peopleForgotten").asInt() == 1)
                            .get("statements")
                            .asInt())
                    .isEqualTo(2);

            // the pseudonym cannot come back, and a person is forgotten once
            assertThat(api.post(
                                    "/api/programmes/" + p + "/reviews",
                                    Map.of(
                                            "person",
                                            "P-1",
                                            "statements",
                                            List.of(Map.of(
                                                    "category", "WORKING", "priority", 1, "text", "I like my garden"))))
                            .status())
                    .isEqualTo(409);
            assertThat(api.post("/api/programmes/" + p + "/people/P-1/forget", Map.of("reason", "again"))
                            .status())
                    .isEqualTo(409);

            // a full replay of the board rebuilds the same view: still erased, nothing else lost
            EventProcessingConfiguration processing = app.bean(EventProcessingConfiguration.class);
            StreamingEventProcessor processor = processing
                    .eventProcessor("board", StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            JsonNode replayed = now(
                            () -> api.get(board),
                            r -> r.status() == 200
                                    && r.json().get("themes").size() == 1
                                    && r.json()
                                                    .get("themes")
                                                    .get(0)
                                                    .get("statements")
                                                    .size()
                                            == 2)
                    .json();
            // the same board; only "version" (the highest event position the projection has seen) may move on
            ((com.fasterxml.jackson.databind.node.ObjectNode) replayed).remove("version");
            ((com.fasterxml.jackson.databind.node.ObjectNode) erased).remove("version");
            assertThat(replayed).isEqualTo(erased);
            List<String> texts = StreamSupport.stream(
                            replayed.get("themes").get(0).get("statements").spliterator(), false)
                    .map(s -> s.get("text").asText())
                    .toList();
            assertThat(texts).containsExactlyInAnyOrder(PersonalDataVault.ERASED, "I only have staff in my life");
        }
    }

    @Test
    void a_participants_name_is_sealed_at_rest_and_erased_when_they_are_forgotten() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            org.goldenthread.infra.support.Workshop w =
                    org.goldenthread.infra.support.Workshop.launch(app.api("facilitator"));
            String pat = w.participant("Patricia Quentin", "PERSON", null);
            String kim = w.participant("Kim Oduya", "CARER_FAMILY", null);
            try (Connection c = app.bean(DataSource.class).getConnection();
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT payload FROM DomainEventEntry")) {
                while (rs.next()) {
                    assertThat(new String(rs.getBytes(1), StandardCharsets.UTF_8))
                            .doesNotContain("Patricia")
                            .doesNotContain("Oduya");
                }
            }
            assertThat(w.view("").get("participants"))
                    .extracting(p -> p.get("name").asText())
                    .containsExactly("Patricia Quentin", "Kim Oduya");

            Api.Response asked = w.post("/participants/" + pat + "/forget", Map.of("reason", "asked to be erased"));
            assertThat(asked.status()).isEqualTo(202);
            erasureDone(w.api, asked.location());
            assertThat(w.view("").get("participants"))
                    .extracting(p -> p.get("name").asText())
                    .containsExactly(PersonalDataVault.ERASED, "Kim Oduya");
            assertThat(app.bean(org.goldenthread.infra.store.JdbcPersonKeyStore.class)
                            .find(w.id + "/" + org.goldenthread.kernel.programme.ParticipantRegistered.subject(pat)))
                    .isEmpty();
            assertThat(w.post("/participants/" + pat + "/forget", Map.of("reason", "again"))
                            .status())
                    .isEqualTo(409);
            assertThat(kim).isNotBlank();
        }
    }

    /** Follows an erasure's status resource, as a client would, until the key is destroyed (DONE). */
    static JsonNode erasureDone(Api api, String status) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (true) {
            Api.Response r = api.get(status);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            if (r.json().get("status").asText().equals("DONE") || System.nanoTime() > deadline) {
                assertThat(r.json().get("status").asText()).isEqualTo("DONE");
                return r.json();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void the_read_store_is_rebuilt_without_losing_anyones_words_and_a_restored_key_opens_nothing_erased()
            throws Exception {
        String p;
        String ref;
        byte[] wrapped;
        try (RunningApp app = RunningApp.start(data)) {
            Api api = app.api("facilitator");
            p = api.post(
                            "/api/programmes",
                            Map.of("purpose", "We are using WTfC to listen so that we change", "level", "UNIT"))
                    .json()
                    .get("programmeId")
                    .asText();
            api.post(
                    "/api/programmes/" + p + "/reviews",
                    Map.of(
                            "person",
                            "P-1",
                            "statements",
                            List.of(Map.of(
                                    "category", "NOT_WORKING", "priority", 1, "text", "I have only one friend"))));
            api.post(
                    "/api/programmes/" + p + "/reviews",
                    Map.of(
                            "person",
                            "P-2",
                            "statements",
                            List.of(Map.of(
                                    "category",
                                    "NOT_WORKING",
                                    "priority",
                                    1,
                                    "text",
                                    "I only have staff in my life"))));
            ref = p + "/P-1";
            org.goldenthread.infra.store.JdbcPersonKeyStore keys =
                    app.bean(org.goldenthread.infra.store.JdbcPersonKeyStore.class);
            wrapped = keys.find(ref).orElseThrow(); // a backup of the key store, taken before the erasure
            Api.Response asked = api.post("/api/programmes/" + p + "/people/P-1/forget", Map.of("reason", "asked"));
            erasureDone(api, asked.location());
            // the backup is restored: the destroyed key is back
            keys.createIfAbsent(Map.of(ref, wrapped));
            assertThat(keys.find(ref)).isPresent();
        }
        // the read store is dropped
        try (var files = java.nio.file.Files.list(data)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("readmodels"))
                    .toList()) {
                java.nio.file.Files.delete(f);
            }
        }
        try (RunningApp app = RunningApp.start(data).readFromHead()) {
            Api api = app.api("facilitator");
            JsonNode board =
                    api.get("/api/programmes/" + p + "/boards/NOT_WORKING").json();
            List<String> texts = new ArrayList<>();
            board.get("unclustered").forEach(s -> texts.add(s.get("text").asText()));
            assertThat(texts).containsExactlyInAnyOrder("I only have staff in my life", PersonalDataVault.ERASED);
            assertThat(api.get("/api/programmes/" + p + "/erasures/P-1")
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("DONE");
        }
    }

    @Test
    void an_erasure_cut_short_by_a_kill_is_completed_on_the_next_start() throws Exception {
        Path dir = data.resolve("killed");
        String p;
        try (org.goldenthread.infra.support.ChildService first =
                org.goldenthread.infra.support.ChildService.start(dir)) {
            Api api = first.api("facilitator");
            p = api.post(
                            "/api/programmes",
                            Map.of("purpose", "We are using WTfC to listen so that we change", "level", "UNIT"))
                    .json()
                    .get("programmeId")
                    .asText();
            for (int i = 1; i <= 20; i++) {
                api.post(
                        "/api/programmes/" + p + "/reviews",
                        Map.of(
                                "person",
                                "P-" + i,
                                "statements",
                                List.of(Map.of(
                                        "category", "NOT_WORKING", "priority", 1, "text", "Words of person " + i))));
            }
            for (int i = 1; i <= 10; i++) {
                assertThat(api.post("/api/programmes/" + p + "/people/P-" + i + "/forget", Map.of("reason", "asked"))
                                .status())
                        .isEqualTo(202);
            }
            first.kill(); // SIGKILL right after the acts: some keys are destroyed, others not yet
        }
        try (org.goldenthread.infra.support.ChildService second =
                org.goldenthread.infra.support.ChildService.start(dir)) {
            Api api = second.api("facilitator");
            for (int i = 1; i <= 10; i++) {
                erasureDone(api, "/api/programmes/" + p + "/erasures/P-" + i + "?minPosition=" + second.headPosition());
            }
            JsonNode board = api.get(
                            "/api/programmes/" + p + "/boards/NOT_WORKING?minPosition=" + second.headPosition())
                    .json();
            List<String> texts = new ArrayList<>();
            board.get("unclustered").forEach(s -> texts.add(s.get("text").asText()));
            assertThat(texts)
                    .hasSize(20)
                    .filteredOn(PersonalDataVault.ERASED::equals)
                    .hasSize(10);
            assertThat(texts)
                    .contains("Words of person 11", "Words of person 20")
                    .doesNotContain("Words of person 1", "Words of person 10");
        }
    }
}
