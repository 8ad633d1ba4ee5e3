package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries are safe with an Idempotency-Key: a repeat answers the first result and appends nothing. */
class IdempotencyHttpTest {

    @TempDir
    Path data;

    private static long events(RunningApp app, String programmeId) {
        return app.bean(EventStore.class).readEvents(programmeId, 0L).asStream().count();
    }

    private static Response once(Api api, String path, Object body, String key) {
        return api.send("POST", path, body, "application/json", Map.of("Idempotency-Key", key));
    }

    @Test
    void a_repeated_create_answers_the_first_result_and_appends_nothing() {
        try (RunningApp app = RunningApp.start(data)) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            Workshop.Planned p = w.toPlan();
            record Create(String path, Object body, String idField) {}
            List<Create> creates = List.of(
                    new Create(
                            "/boards/NOT_WORKING/themes",
                            Map.of(
                                    "title",
                                    "I miss my garden",
                                    "statementIds",
                                    List.of(p.statements().get(3))),
                            "themeId"),
                    new Create(
                            "/themes/" + p.lonely() + "/whys",
                            Map.of("question", "Why do staff not connect people?", "perspective", "PROVIDER"),
                            "whyId"),
                    new Create(
                            "/themes/" + p.lonely() + "/ideas",
                            Map.of("mode", "DIFFERENT", "text", "A walking group", "rootCauseIds", List.of()),
                            "ideaId"),
                    new Create("/reports", null, "reportId"));
            for (Create c : creates) {
                String key = UUID.randomUUID().toString();
                Response first = once(facilitator, w.path(c.path()), c.body(), key);
                assertThat(first.status()).as(first.toString()).isEqualTo(201);
                long after = events(app, w.id);
                for (int i = 0; i < 3; i++) {
                    Response again = once(facilitator, w.path(c.path()), c.body(), key);
                    assertThat(again.status()).isEqualTo(201);
                    assertThat(again.json().get(c.idField()).asText())
                            .isEqualTo(first.json().get(c.idField()).asText());
                    assertThat(again.header("Location")).isEqualTo(first.header("Location"));
                    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
                }
                assertThat(events(app, w.id)).as(c.path()).isEqualTo(after);
            }
            JsonNode board = w.view("/boards/NOT_WORKING");
            assertThat(board.get("themes").findValuesAsText("title").stream().filter("I miss my garden"::equals))
                    .hasSize(1);
            // without a key, a retry is a second act
            w.created(
                    "/themes/" + p.lonely() + "/ideas",
                    Map.of("mode", "DIFFERENT", "text", "A walking group", "rootCauseIds", List.of()),
                    "ideaId");
            assertThat(w.view("/themes/" + p.lonely() + "/work").get("ideas").findValuesAsText("text").stream()
                            .filter("A walking group"::equals))
                    .hasSize(2);
        }
    }

    @Test
    void a_key_is_for_one_request_and_a_refusal_is_answered_again() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            List<String> s = w.review("P-1", "NOT_WORKING", 1, "I have only one friend");
            String key = UUID.randomUUID().toString();
            assertThat(once(
                                    facilitator,
                                    w.path("/boards/NOT_WORKING/themes"),
                                    Map.of("title", "I am lonely", "statementIds", s),
                                    key)
                            .status())
                    .isEqualTo(201);
            Response reused = once(
                    facilitator,
                    w.path("/boards/NOT_WORKING/themes"),
                    Map.of("title", "I am bored", "statementIds", s),
                    key);
            assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
            assertThat(reused.json().get("rule").asText()).isEqualTo("idempotency-key-reused");
            // another user's key of the same value is theirs
            assertThat(once(app.api("admin"), w.path("/people/P-1/forget"), Map.of("reason", "asked"), key)
                            .status())
                    .isEqualTo(202);

            String refusedKey = UUID.randomUUID().toString();
            Response refused =
                    once(facilitator, w.path("/people/P-1/forget"), Map.of("reason", "asked again"), refusedKey);
            assertThat(refused.status()).isEqualTo(409);
            Response again =
                    once(facilitator, w.path("/people/P-1/forget"), Map.of("reason", "asked again"), refusedKey);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("rule").asText())
                    .isEqualTo(refused.json().get("rule").asText());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

            Response badKey = once(
                    facilitator,
                    w.path("/boards/NOT_WORKING/themes"),
                    Map.of("title", "x", "statementIds", s),
                    "has space");
            assertThat(badKey.status()).isEqualTo(400);
            assertThat(badKey.json().get("field").asText()).isEqualTo("Idempotency-Key");
        }
    }

    @Test
    void concurrent_repeats_do_the_act_once() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            List<String> s = w.review("P-1", "NOT_WORKING", 1, "I have only one friend");
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 5; round++) {
                    String key = UUID.randomUUID().toString();
                    List<Future<Response>> answers = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        Callable<Response> call = () -> once(
                                facilitator,
                                w.path("/boards/NOT_WORKING/themes"),
                                Map.of("title", "I am lonely", "statementIds", s),
                                key);
                        answers.add(pool.submit(call));
                    }
                    List<String> ids = new ArrayList<>();
                    for (Future<Response> f : answers) {
                        Response r = f.get();
                        assertThat(r.status()).as(r.toString()).isIn(201, 409);
                        if (r.status() == 201) {
                            ids.add(r.json().get("themeId").asText());
                        } else {
                            assertThat(r.json().get("rule").asText()).isEqualTo("idempotency-key-in-progress");
                        }
                    }
                    assertThat(ids).isNotEmpty();
                    assertThat(ids.stream().distinct()).hasSize(1);
                    assertThat(app.bean(EventStore.class)
                                    .readEvents(w.id, 0L)
                                    .asStream()
                                    .filter(e -> e.getPayload() instanceof org.goldenthread.kernel.theme.ThemeCreated)
                                    .count())
                            .isEqualTo(round + 1);
                    // free the statement for the next round
                    w.done("POST", "/boards/NOT_WORKING/parked", Map.of("statementId", s.get(0)));
                    w.done("DELETE", "/boards/NOT_WORKING/parked/" + s.get(0), null);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void a_key_survives_a_restart() {
        String key = UUID.randomUUID().toString();
        String programmeId;
        String themeId;
        List<String> s;
        try (RunningApp app = RunningApp.start(data)) {
            Workshop w = Workshop.launch(app.api("facilitator"));
            programmeId = w.id;
            s = w.review("P-1", "NOT_WORKING", 1, "I have only one friend");
            themeId = once(
                            app.api("facilitator"),
                            w.path("/boards/NOT_WORKING/themes"),
                            Map.of("title", "I am lonely", "statementIds", s),
                            key)
                    .json()
                    .get("themeId")
                    .asText();
        }
        try (RunningApp app = RunningApp.start(data)) {
            long before = events(app, programmeId);
            Response again = once(
                    app.api("facilitator"),
                    "/api/programmes/" + programmeId + "/boards/NOT_WORKING/themes",
                    Map.of("title", "I am lonely", "statementIds", s),
                    key);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.json().get("themeId").asText()).isEqualTo(themeId);
            assertThat(events(app, programmeId)).isEqualTo(before);
        }
    }
}
