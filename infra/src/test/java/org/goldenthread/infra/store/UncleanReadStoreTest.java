package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UncleanReadStoreTest {

    @TempDir
    Path dir;

    private long asideCount() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("readmodels.mv.unclean-"))
                    .count();
        }
    }

    @Test
    void a_store_closed_cleanly_is_opened_as_it_is() throws Exception {
        Files.writeString(dir.resolve("readmodels.mv"), "the store");

        Path open = ReadStoreConfiguration.openFileStore(dir);

        assertThat(open).exists();
        assertThat(dir.resolve("readmodels.mv")).hasContent("the store");
        assertThat(asideCount()).isZero();
    }

    @Test
    void a_store_left_open_by_a_kill_is_moved_aside_so_the_read_models_are_rebuilt_and_only_the_last_is_kept()
            throws Exception {
        Files.writeString(dir.resolve("readmodels.mv"), "first");
        ReadStoreConfiguration.openFileStore(dir);
        // killed: the marker stays
        ReadStoreConfiguration.openFileStore(dir);
        assertThat(dir.resolve("readmodels.mv")).doesNotExist();
        assertThat(asideCount()).isOne();

        Files.writeString(dir.resolve("readmodels.mv"), "second");
        Thread.sleep(2);
        ReadStoreConfiguration.openFileStore(dir);
        assertThat(asideCount()).isOne();
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("readmodels.mv.unclean-"))
                    .findFirst()
                    .orElseThrow();
            assertThat(aside).hasContent("second");
        }
    }

    @Test
    void closing_the_embedded_store_removes_the_marker() throws Exception {
        Path open = ReadStoreConfiguration.openFileStore(dir);
        new ReadStoreConfiguration.EmbeddedMongo(null, "mongodb://unused", null, null, open).close();

        assertThat(open).doesNotExist();
    }
}
