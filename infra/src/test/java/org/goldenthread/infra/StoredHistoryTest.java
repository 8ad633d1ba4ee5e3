package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.goldenthread.kernel.PersonalDataVault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores written by earlier versions of the code (events and keys, {@code src/test/resources/stored-history/…}) stay
 * readable: every read model is rebuilt from them and shows the same programme. {@code v1} was written before the
 * kernel had a root package of its own (steps 1–6); {@code v2} before step 8's package was renamed {@code review} →
 * {@code learn} (the whole cycle, steps 1–8 and the next cycle). Renaming an event or its package must keep this test
 * green (with an upcaster or a type mapping), so nothing anyone said is ever lost to a refactor.
 */
class StoredHistoryTest {

    static final Path FIXTURES = Path.of("src", "test", "resources", "stored-history");

    @TempDir
    Path data;

    private String restore(String version) throws Exception {
        Path fixture = FIXTURES.resolve(version);
        for (String file : List.of("events.mv.db", "keys.mv.db")) {
            Files.copy(fixture.resolve(file), data.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.readString(fixture.resolve("programme-id")).strip();
    }

    @Test
    void a_store_written_before_the_kernel_had_its_own_package_is_read_and_every_view_rebuilt_from_it()
            throws Exception {
        String programmeId = restore("v1");
        try (RunningApp app = RunningApp.start(data).readFromHead()) {
            Workshop w = Workshop.resume(app.api("facilitator"), programmeId);
            assertPlanned(w);
            JsonNode progress = w.view("/progress");
            assertThat(progress.get("steps").get(2).get("status").asText()).isEqualTo("DONE");
            // a projection added after this store was written (the analyst guide's example) backfills from it
            JsonNode sizes = app.api("auditor")
                    .get("/api/programmes/" + programmeId + "/analysis/theme-sizes")
                    .json();
            assertThat(sizes).as(sizes.toString()).isNotEmpty();
            assertThat(sizes).extracting(t -> t.get("title").asText()).contains("I am lonely");
            assertThat(sizes)
                    .allSatisfy(t -> assertThat(t.get("statements").asText()).isEqualTo("<5"));
        }
    }

    @Test
    void a_store_written_before_step_8_was_renamed_is_read_through_the_next_cycle() throws Exception {
        String programmeId = restore("v2");
        try (RunningApp app = RunningApp.start(data).readFromHead()) {
            Workshop w = Workshop.resume(app.api("facilitator"), programmeId);
            JsonNode reviews = w.view("/process-reviews?cycle=1");
            assertThat(reviews).hasSize(1);
            assertThat(reviews.get(0).get("notWorking").get(0).asText()).isEqualTo("The venue was hard to get to");
            JsonNode progress = w.view("/progress");
            assertThat(progress.get("cycle").asInt()).isEqualTo(2);
            JsonNode board = w.view("/boards/NOT_WORKING");
            assertThat(board.get("retiredThemes"))
                    .extracting(t -> t.get("title").asText())
                    .contains("I am lonely");
            assertThat(board.get("themes"))
                    .extracting(t -> t.get("carriedFrom").asText())
                    .isNotEmpty();
            assertThat(w.view("/erasures/P-2").get("status").asText()).isEqualTo("DONE");
        }
    }

    private static void assertPlanned(Workshop w) {
        JsonNode board = w.view("/boards/NOT_WORKING");
        List<String> themes = new ArrayList<>();
        List<String> words = new ArrayList<>();
        board.get("themes").forEach(t -> {
            themes.add(t.get("title").asText());
            t.get("statements").forEach(s -> words.add(s.get("text").asText()));
        });
        assertThat(themes).contains("I am lonely", "I am bored", "I don't like where I live");
        assertThat(words).contains("I have only one friend", "I am bored", PersonalDataVault.ERASED);
        assertThat(w.view("").get("participants"))
                .extracting(p -> p.get("name").asText())
                .contains("Pat", "Morgan");
        assertThat(w.view("/members"))
                .extracting(m -> m.get("username").asText())
                .contains("facilitator", "participant");
        JsonNode work =
                w.view("/themes/" + board.get("themes").get(0).get("themeId").asText() + "/work");
        assertThat(work.toString())
                .contains("Because staff don't connect people")
                .contains("Train staff in relationship building");
        assertThat(w.get("/thread/untraced").status()).isEqualTo(200);
        assertThat(w.view("/erasures/P-2").get("status").asText()).isEqualTo("DONE");
    }

    /**
     * Writes the newest fixture ({@code v2}) with the code as it is (run on demand: {@code mvn -pl infra test
     * -Dgroups=fixture-writer -DexcludedGroups= -Dtest=StoredHistoryTest}); commit the files it writes, as a new
     * version beside the others, only when the stored format is meant to change.
     */
    @Test
    @Tag("fixture-writer")
    void write_the_fixture() throws Exception {
        Path dir = data.resolve("written");
        String id;
        try (RunningApp app = RunningApp.start(dir, "goldenthread.read-store=memory")) {
            Workshop w = Workshop.launch(app.api("facilitator"));
            id = w.id;
            Workshop.Planned planned = w.toPlan();
            w.done(
                    "POST",
                    "/ideas/" + planned.train() + "/action-plans",
                    Workshop.plan(
                            List.of(planned.measure()),
                            "Relationship-building in every support plan",
                            List.of(Map.of("description", "All day-service staff trained", "due", "2026-09-30"))));
            w.done(
                    "POST",
                    "/measures/" + planned.measure() + "/baseline",
                    Map.of("value", "20", "date", "2026-01-10", "source", "review records"));
            w.done(
                    "POST",
                    "/measures/" + planned.measure() + "/actuals",
                    Map.of("value", "35", "date", "2026-10-01", "source", "review records"));
            w.done(
                    "POST",
                    "/process-reviews",
                    Map.of(
                            "perspective",
                            "PERSON",
                            "working",
                            List.of("Being listened to at the workshop"),
                            "notWorking",
                            List.of("The venue was hard to get to")));
            w.done("POST", "/reports", null);
            w.done("POST", "/cycles", Map.of("reason", "A year on: the next round of reviews"));
            Api.Response asked = w.post("/people/P-2/forget", Map.of("reason", "asked to be erased"));
            CryptoShreddingTest.erasureDone(w.api, asked.location());
        }
        Path fixture = FIXTURES.resolve("v2");
        Files.createDirectories(fixture);
        for (String file : List.of("events.mv.db", "keys.mv.db")) {
            Files.copy(dir.resolve(file), fixture.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(fixture.resolve("programme-id"), id + "\n");
    }
}
