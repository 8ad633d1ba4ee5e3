package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Point in time: a board and the programme's progress asked "as of" an instant are what the live views showed at
 * that instant, captured during the test, although the card call and the vote went on after it.
 */
class PointInTimeHttpTest {

    @TempDir
    Path data;

    private static JsonNode withoutVersion(JsonNode board) {
        ObjectNode copy = board.deepCopy();
        copy.remove("version");
        return copy;
    }

    @Test
    void a_board_and_the_progress_as_of_an_instant_are_the_live_views_of_that_instant() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            String pat = w.participant("Pat", "PERSON", null);
            List<String> s = w.review(
                    "P-1", "NOT_WORKING", 1, "I have only one friend", "NOT_WORKING", 2, "I sit in my flat all day");
            String lonely = w.theme("NOT_WORKING", "lonely", List.of(s.get(0)));
            JsonNode liveBoard = w.view("/boards/NOT_WORKING");
            JsonNode liveProgress = w.view("/progress");
            Instant then = Instant.now();
            Thread.sleep(10);

            // the card call and a vote go on
            w.done("PUT", "/boards/NOT_WORKING/themes/" + lonely + "/title", Map.of("title", "I am lonely"));
            w.done("POST", "/boards/NOT_WORKING/themes/" + lonely + "/statements", Map.of("statementId", s.get(1)));
            String voting = w.created("/votings", Map.of("votesPerParticipant", 3, "selectTop", 4), "votingId");
            w.done("POST", "/votings/" + voting + "/votes", Map.of("participantId", pat, "themeId", lonely));
            assertThat(w.view("/boards/NOT_WORKING").toString()).contains("I am lonely");

            JsonNode boardThen = w.view("/boards/NOT_WORKING?asOf=" + then);
            assertThat(withoutVersion(boardThen)).isEqualTo(withoutVersion(liveBoard));
            assertThat(boardThen.toString()).contains("\"lonely\"").doesNotContain("I am lonely");
            assertThat(w.view("/progress?asOf=" + then)).isEqualTo(liveProgress);
            assertThat(w.get("/boards/NOT_WORKING?asOf=2001-01-01T00:00:00Z").status())
                    .isEqualTo(404);
            assertThat(w.get("/progress?asOf=yesterday").status()).isEqualTo(400);
        }
    }
}
