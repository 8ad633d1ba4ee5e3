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
 * A store written by an earlier version of the code (events and keys, {@code src/test/resources/stored-history/v1})
 * stays readable: every read model is rebuilt from it and shows the same programme. Renaming an event or its package
 * must keep this test green (with an upcaster or a type mapping), so nothing anyone said is ever lost to a refactor.
 */
class StoredHistoryTest {

    static final Path FIXTURE = Path.of("src", "test", "resources", "stored-history", "v1");

    @TempDir
    Path data;

    @Test
    void a_store_written_by_an_earlier_version_is_read_and_every_view_rebuilt_from_it() throws Exception {
        for (String file : List.of("events.mv.db", "keys.mv.db")) {
            Files.copy(FIXTURE.resolve(file), data.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        String programmeId = Files.readString(FIXTURE.resolve("programme-id")).strip();
        try (RunningApp app = RunningApp.start(data).readFromHead()) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.resume(facilitator, programmeId);
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
            JsonNode progress = w.view("/progress");
            assertThat(progress.get("steps").get(2).get("status").asText()).isEqualTo("DONE");
            JsonNode work = w.view(
                    "/themes/" + board.get("themes").get(0).get("themeId").asText() + "/work");
            assertThat(work.toString())
                    .contains("Because staff don't connect people")
                    .contains("Train staff in relationship building");
            Api.Response back = w.get("/thread/untraced");
            assertThat(back.status()).isEqualTo(200);
            assertThat(w.view("/erasures/P-2").get("status").asText()).isEqualTo("DONE");
        }
    }

    /**
     * Writes the fixture with the code as it is (run on demand: {@code mvn -pl infra test -Dgroups=fixture-writer
     * -DexcludedGroups= -Dtest=StoredHistoryTest}); commit the files it writes only when the format is meant to change.
     */
    @Test
    @Tag("fixture-writer")
    void write_the_fixture() throws Exception {
        Path dir = data.resolve("written");
        String id;
        try (RunningApp app = RunningApp.start(dir, "goldenthread.read-store=memory")) {
            Workshop w = Workshop.launch(app.api("facilitator"));
            id = w.id;
            w.toPlan();
            Api.Response asked = w.post("/people/P-2/forget", Map.of("reason", "asked to be erased"));
            CryptoShreddingTest.erasureDone(w.api, asked.location());
        }
        Files.createDirectories(FIXTURE);
        for (String file : List.of("events.mv.db", "keys.mv.db")) {
            Files.copy(dir.resolve(file), FIXTURE.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(FIXTURE.resolve("programme-id"), id + "\n");
    }
}
