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

/** A subject-access export shows one person everything held about them, and after erasure what was erased and when. */
class SubjectAccessHttpTest {

    @TempDir
    Path data;

    @Test
    void a_person_sees_their_words_where_each_went_and_after_erasure_what_was_erased_and_when() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            List<String> mine = w.review("P-1", "NOT_WORKING", 1, "I have only one friend", "WORKING", 1, "My garden");
            List<String> theirs = w.review("P-2", "NOT_WORKING", 1, "I only have staff in my life");
            String lonely = w.theme("NOT_WORKING", "I am lonely", List.of(mine.get(0), theirs.get(0)));

            JsonNode export = w.view("/people/P-1/export");
            assertThat(export.get("person").asText()).isEqualTo("P-1");
            assertThat(export.get("erasure").isNull()).isTrue();
            List<String> held = new ArrayList<>();
            export.get("statements")
                    .forEach(s -> held.add(
                            s.get("text").asText() + "@" + s.get("placedIn").asText()
                                    + (s.get("themeTitle").isNull()
                                            ? ""
                                            : ":" + s.get("themeTitle").asText())));
            assertThat(held)
                    .containsExactlyInAnyOrder("I have only one friend@THEME:I am lonely", "My garden@UNCLUSTERED");
            assertThat(export.toString()).doesNotContain("staff in my life");
            JsonNode first = null;
            for (JsonNode st : export.get("statements")) {
                if (st.get("placedIn").asText().equals("THEME")) {
                    first = st;
                }
            }
            assertThat(first.get("thread").get("children")).isNotEmpty(); // the thread forward: statement → theme
            assertThat(first.get("themeId").asText()).isEqualTo(lonely);

            Api.Response page =
                    w.api.send("GET", w.path("/people/P-1/export.html"), null, null, Map.of("Accept", "text/html"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body())
                    .contains("I have only one friend")
                    .contains("I am lonely")
                    .doesNotContain("staff in my life");

            // only a facilitator of the programme or an admin hands it over; an unknown person is 404
            assertThat(app.api("auditor").get(w.path("/people/P-1/export")).status())
                    .isEqualTo(403);
            assertThat(app.api("admin").get(w.path("/people/P-1/export")).status())
                    .isEqualTo(200);
            assertThat(w.get("/people/P-9/export").status()).isEqualTo(404);

            Api.Response asked = facilitator.post(w.path("/people/P-1/forget"), Map.of("reason", "asked to be erased"));
            CryptoShreddingTest.erasureDone(facilitator, asked.location());
            JsonNode after = w.view("/people/P-1/export");
            assertThat(after.get("erasure").get("status").asText()).isEqualTo("DONE");
            assertThat(after.get("erasure").get("requestedAt").asText()).isNotBlank();
            assertThat(after.get("erasure").get("keyDestroyedAt").asText()).isNotBlank();
            after.get("statements")
                    .forEach(s -> assertThat(s.get("erased").asBoolean()).isTrue());
            assertThat(after.toString()).doesNotContain("only one friend").doesNotContain("My garden");
            String erasedPage = w.api.send(
                            "GET", w.path("/people/P-1/export.html"), null, null, Map.of("Accept", "text/html"))
                    .body();
            assertThat(erasedPage).contains("erased").contains("destroyed").doesNotContain("only one friend");
        }
    }
}
