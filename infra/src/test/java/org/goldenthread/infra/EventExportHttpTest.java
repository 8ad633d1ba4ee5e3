package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The NDJSON event export: pseudonymised with a salt per export, words only for roles that may read them and never
 * once erased, participants' names never, filterable by type and time, resumable after a position.
 */
class EventExportHttpTest {

    @TempDir
    Path data;

    private static List<JsonNode> lines(Api.Response r) throws Exception {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (!line.isBlank()) {
                out.add(Api.JSON.readTree(line));
            }
        }
        return out;
    }

    private static List<JsonNode> of(List<JsonNode> lines, String type) {
        return lines.stream().filter(l -> l.get("type").asText().equals(type)).toList();
    }

    @Test
    void an_export_is_pseudonymised_keeps_erased_words_out_and_resumes_after_a_position() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            w.member("analyst", "ANALYST");
            w.participant("Patricia Example", "PERSON", null);
            w.review("P-1", "NOT_WORKING", 1, "I have only one friend", "WORKING", 1, "My garden");
            w.review("P-2", "NOT_WORKING", 1, "I only have staff in my life");
            String before = java.time.Instant.now().toString();
            Thread.sleep(5);
            assertThat(w.post("/people/P-2/forget", Map.of("reason", "request ref SAR-7"))
                            .status())
                    .isEqualTo(202);
            String path = "/api/programmes/" + w.id + "/events/export";

            Api.Response full = facilitator.get(path);
            List<JsonNode> all = lines(full);
            assertThat(full.body())
                    .doesNotContain("\"P-1\"", "\"P-2\"", "Patricia", "\"facilitator\"", "I only have staff");
            List<JsonNode> statements = of(all, "StatementRecorded");
            assertThat(statements).hasSize(3);
            assertThat(statements.get(0).get("payload").get("text").get("text").asText())
                    .isEqualTo("I have only one friend");
            assertThat(statements.get(0).get("payload").get("person").asText())
                    .startsWith("x-")
                    .isEqualTo(statements.get(1).get("payload").get("person").asText());
            JsonNode erased = statements.get(2).get("payload").get("text");
            assertThat(erased.get("text").isNull()).isTrue();
            assertThat(erased.get("erased").asBoolean()).isTrue();
            assertThat(statements.get(0).get("actor").asText()).startsWith("x-");
            assertThat(statements.get(0).get("role").asText()).isEqualTo("FACILITATOR");
            assertThat(statements.get(0).get("revision").asText()).isEqualTo("1");
            assertThat(of(all, "ParticipantRegistered").get(0).get("payload").has("sealedName"))
                    .isFalse();

            // analysts get no words; another export, other hashes
            Api.Response analysts = facilitator.as("analyst").get(path);
            List<JsonNode> pseudonymised = lines(analysts);
            assertThat(analysts.body()).doesNotContain("I have only one friend", "My garden");
            JsonNode sealed =
                    of(pseudonymised, "StatementRecorded").get(0).get("payload").get("text");
            assertThat(sealed.get("sealed").asBoolean()).isTrue();
            assertThat(of(pseudonymised, "StatementRecorded")
                            .get(0)
                            .get("payload")
                            .get("person")
                            .asText())
                    .isNotEqualTo(statements.get(0).get("payload").get("person").asText());

            // filters and resuming
            assertThat(lines(facilitator.get(path + "?type=StatementRecorded,ReviewRecorded")))
                    .extracting(l -> l.get("type").asText())
                    .containsOnly("StatementRecorded", "ReviewRecorded")
                    .hasSize(5);
            assertThat(of(lines(facilitator.get(path + "?to=" + before)), "PersonForgotten"))
                    .isEmpty();
            long third = all.get(2).get("position").asLong();
            List<JsonNode> resumed = lines(facilitator.get(path + "?after=" + third));
            assertThat(resumed)
                    .extracting(l -> l.get("position").asLong())
                    .containsExactlyElementsOf(all.subList(3, all.size()).stream()
                            .map(l -> l.get("position").asLong())
                            .toList());
            assertThat(facilitator.get(path + "?from=yesterday").status()).isEqualTo(400);
            assertThat(facilitator.as("outsider").get(path).status()).isEqualTo(404);
        }
    }
}
