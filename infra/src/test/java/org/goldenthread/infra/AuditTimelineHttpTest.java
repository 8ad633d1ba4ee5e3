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

/** The audit timeline over HTTP: every act summarised with who and what, filtered, paged, as CSV and NDJSON. */
class AuditTimelineHttpTest {

    @TempDir
    Path data;

    @Test
    void every_act_is_in_the_timeline_with_its_actor_summary_and_correlation_and_never_a_persons_words() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            w.member("participant", "PARTICIPANT");
            List<String> s = w.review("P-1", "NOT_WORKING", 1, "I have only one friend");
            String theme = w.theme("NOT_WORKING", "lonely", List.of(s.get(0)));
            w.done("PUT", "/boards/NOT_WORKING/themes/" + theme + "/title", Map.of("title", "I am lonely"));

            JsonNode page = w.view("/audit");
            List<String> summaries = new ArrayList<>();
            page.get("entries").forEach(e -> summaries.add(e.get("summary").asText()));
            assertThat(summaries).contains("facilitator (FACILITATOR) renamed theme 'lonely' to 'I am lonely'");
            assertThat(page.toString()).doesNotContain("I have only one friend");
            assertThat(page.get("total").asInt()).isEqualTo(page.get("entries").size());
            JsonNode renamed = w.view("/audit?type=ThemeRenamed").get("entries").get(0);
            assertThat(renamed.get("subjectType").asText()).isEqualTo("theme");
            assertThat(renamed.get("subjectId").asText()).isEqualTo(theme);
            assertThat(renamed.get("correlationId").asText()).isNotBlank();
            assertThat(renamed.get("traceId").asText()).isNotBlank();
            assertThat(w.view("/audit?subject=" + theme).get("total").asInt()).isEqualTo(2); // created, renamed
            assertThat(w.view("/audit?size=2&page=1").get("entries").size()).isEqualTo(2);
            assertThat(w.view("/audit?actor=nobody").get("total").asInt()).isZero();
            assertThat(w.get("/audit?size=501").status()).isEqualTo(400);

            Api.Response csv = w.get("/audit.csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.body().lines().toList())
                    .hasSize(page.get("total").asInt() + 1)
                    .first()
                    .asString()
                    .startsWith("position,at,actor");
            Api.Response ndjson = w.get("/audit.ndjson?type=ThemeRenamed");
            assertThat(ndjson.contentType()).startsWith("application/x-ndjson");
            assertThat(ndjson.body().lines().toList()).hasSize(1);
            assertThat(facilitator.as("participant").get(w.path("/audit")).status())
                    .isEqualTo(403);
        }
    }
}
