package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.infra.support.Api.now;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stop and start on the same embedded files: the same board, processors resuming from their tokens. */
class RestartTest {

    @TempDir
    Path data;

    private static double processed(RunningApp app, String processor) {
        MeterRegistry registry = app.bean(MeterRegistry.class);
        return registry.getMeters().stream()
                .filter(m -> m.getId().getName().startsWith(processor)
                        && m.getId().getName().contains("processedCounter"))
                .filter(m -> m instanceof Counter)
                .mapToDouble(m -> ((Counter) m).count())
                .sum();
    }

    @Test
    void a_restart_shows_the_same_board_and_processors_resume_from_their_tokens() {
        String programmeId;
        String themeId;
        JsonNode before;
        try (RunningApp first = RunningApp.start(data)) {
            Api api = first.api("facilitator");
            programmeId = api.post(
                            "/api/programmes",
                            Map.of("purpose", "We are using WTfC to listen so that we change", "level", "UNIT"))
                    .json()
                    .get("programmeId")
                    .asText();
            JsonNode review = api.post(
                            "/api/programmes/" + programmeId + "/reviews",
                            Map.of(
                                    "person",
                                    "P-1",
                                    "statements",
                                    List.of(
                                            Map.of(
                                                    "category",
                                                    "NOT_WORKING",
                                                    "priority",
                                                    1,
                                                    "text",
                                                    "I have only one friend"),
                                            Map.of(
                                                    "category",
                                                    "NOT_WORKING",
                                                    "priority",
                                                    2,
                                                    "text",
                                                    "I only have staff in my life"))))
                    .json();
            String s1 = review.get("statementIds").get(0).asText();
            String s2 = review.get("statementIds").get(1).asText();
            themeId = api.post(
                            "/api/programmes/" + programmeId + "/boards/NOT_WORKING/themes",
                            Map.of("title", "I am lonely", "statementIds", List.of(s1)))
                    .json()
                    .get("themeId")
                    .asText();
            api.post("/api/programmes/" + programmeId + "/boards/NOT_WORKING/parked", Map.of("statementId", s2));
            before = now(
                    () -> api.get("/api/programmes/" + programmeId + "/boards/NOT_WORKING")
                            .json(),
                    b -> b.get("themes").size() == 1 && b.get("parked").size() == 1);
        }
        assertThat(Files.exists(data.resolve("events.mv.db"))).isTrue();
        assertThat(Files.exists(data.resolve("readmodels.mv"))).isTrue();

        try (RunningApp second = RunningApp.start(data).readFromHead()) {
            Api api = second.api("facilitator");
            JsonNode after = api.get("/api/programmes/" + programmeId + "/boards/NOT_WORKING")
                    .json();
            assertThat(after).isEqualTo(before);
            // nothing was replayed: the processors picked up where their tokens were
            assertThat(processed(second, "board")).isZero();
            assertThat(processed(second, "programme")).isZero();

            // the aggregate is rebuilt from the event store and takes new acts
            assertThat(api.put(
                                    "/api/programmes/" + programmeId + "/boards/NOT_WORKING/themes/" + themeId
                                            + "/title",
                                    Map.of("title", "I only see staff"))
                            .status())
                    .isEqualTo(204);
            JsonNode renamed = now(
                    () -> api.get("/api/programmes/" + programmeId + "/boards/NOT_WORKING")
                            .json(),
                    b -> b.get("themes").get(0).get("title").asText().equals("I only see staff"));
            assertThat(renamed.get("themes")
                            .get(0)
                            .get("statements")
                            .get(0)
                            .get("text")
                            .asText())
                    .isEqualTo("I have only one friend");
            assertThat(processed(second, "board")).isGreaterThan(0);
        }
    }
}
