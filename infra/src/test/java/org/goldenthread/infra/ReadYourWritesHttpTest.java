package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read-your-writes as the README describes it: every write answers {@code Event-Position}; a read with
 * {@code Min-Event-Position} (or {@code ?minPosition=}) answers only once its read model has processed it — so
 * a client reads its own writes without polling — or 503 with {@code Retry-After} after a bounded wait.
 */
class ReadYourWritesHttpTest {

    @TempDir
    static Path data;

    static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(data, "goldenthread.read-your-writes.max-wait=PT1S");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    /** A client that sends positions only where the test says. */
    private static Response get(String path, Map<String, String> headers) {
        return new Api(app.port(), "facilitator").send("GET", path, null, null, headers);
    }

    @Test
    void every_read_with_the_position_of_a_write_sees_that_write() {
        Api facilitator = new Api(app.port(), "facilitator");
        Workshop w = Workshop.launch(facilitator);
        List<String> s = w.review("P-1", "NOT_WORKING", 1, "I have only one friend", "NOT_WORKING", 2, "I am bored");
        String theme = w.theme("NOT_WORKING", "I am lonely", List.of(s.get(0)));
        long last = -1;
        for (int i = 0; i < 40; i++) {
            Response renamed =
                    w.put("/boards/NOT_WORKING/themes/" + theme + "/title", Map.of("title", "I am lonely " + i));
            assertThat(renamed.status()).isEqualTo(204);
            long position = Long.parseLong(renamed.header("Event-Position"));
            assertThat(position).isGreaterThan(last);
            last = position;
            // the board, straight away, by header and by parameter — and another read model too
            JsonNode board = get(w.path("/boards/NOT_WORKING"), Map.of("Min-Event-Position", Long.toString(position)))
                    .json();
            assertThat(board.get("themes").get(0).get("title").asText()).isEqualTo("I am lonely " + i);
            assertThat(board.get("version").asLong()).isGreaterThanOrEqualTo(position);
            JsonNode byParameter = get(w.path("/boards/NOT_WORKING?minPosition=" + position), Map.of())
                    .json();
            assertThat(byParameter.get("themes").get(0).get("title").asText()).isEqualTo("I am lonely " + i);
            JsonNode links = get(w.path("/thread/links?minPosition=" + position), Map.of())
                    .json();
            assertThat(links.findValuesAsText("to")).contains("statement:" + s.get(0));
        }
        // each act's own read model: a vote, then the voting round at once
        String pat = w.participant("Pat", "PERSON", null);
        Response opened = w.post("/votings", Map.of("votesPerParticipant", 3, "selectTop", 4));
        String voting = opened.json().get("votingId").asText();
        Response cast = w.post("/votings/" + voting + "/votes", Map.of("participantId", pat, "themeId", theme));
        JsonNode round = get(w.path("/votings/" + voting), Map.of("Min-Event-Position", cast.header("Event-Position")))
                .json();
        assertThat(round.get("votesCast").asInt()).isEqualTo(1);
    }

    @Test
    void a_refused_write_answers_no_position() {
        Workshop w = Workshop.launch(new Api(app.port(), "facilitator"));
        Response refused = w.post(
                "/boards/NOT_WORKING/themes",
                Map.of("title", "I am lonely", "statementIds", List.of("no-such-statement")));
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.header("Event-Position")).isNull();
    }

    @Test
    void a_position_not_reached_within_the_wait_is_503_with_retry_after() {
        Workshop w = Workshop.launch(new Api(app.port(), "facilitator"));
        long started = System.nanoTime();
        Response r = get(w.path("/boards/NOT_WORKING"), Map.of("Min-Event-Position", "999999999"));
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.json().get("type").asText()).endsWith("/read-model-behind");
        assertThat(r.json().get("readModel").asText()).isEqualTo("board");
        assertThat(waitedMs).isGreaterThanOrEqualTo(900);

        Response bad = get(w.path("/boards/NOT_WORKING"), Map.of("Min-Event-Position", "soon"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("Min-Event-Position");
        assertThat(get(w.path("/boards/NOT_WORKING?minPosition=-1"), Map.of()).status())
                .isEqualTo(400);
    }
}
