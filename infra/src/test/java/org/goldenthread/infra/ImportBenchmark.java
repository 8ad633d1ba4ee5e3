package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On demand: CSV imports of 2,500 to 20,000 rows over HTTP on the embedded file stores — the dry run, the import,
 * and the board catching up — to show the import is linear in its rows.
 * {@code mvn -pl infra test -Dgroups=benchmark -DexcludedGroups= -Dtest=ImportBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class ImportBenchmark {

    @TempDir
    Path data;

    static String csv(int rows, String prefix) {
        StringBuilder csv = new StringBuilder("person,category,priority,text\n");
        for (int i = 0; i < rows; i++) {
            int person = i / 2;
            String category = i % 2 == 0 ? "NOT_WORKING" : "WORKING";
            csv.append(prefix)
                    .append(person)
                    .append(',')
                    .append(category)
                    .append(",1,\"")
                    .append(i % 2 == 0 ? "I have only one friend" : "Going out shopping")
                    .append(" (")
                    .append(i)
                    .append(")\"\n");
        }
        return csv.toString();
    }

    @Test
    void imports_grow_linearly_with_their_rows() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-your-writes.max-wait=PT20S")) {
            Api facilitator = app.api("facilitator");
            System.out.printf(
                    Locale.ROOT,
                    "%nImportBenchmark (HTTP, embedded file stores)%n%8s %12s %12s %14s %12s%n",
                    "rows",
                    "dry run ms",
                    "import ms",
                    "board ready ms",
                    "µs per row");
            for (int rows : new int[] {2_500, 5_000, 10_000, 20_000}) {
                Workshop w = Workshop.launch(facilitator);
                String body = csv(rows, "P" + rows + "-");
                long t0 = System.nanoTime();
                Response dry = facilitator.postCsv(w.path("/statements/import?dryRun=true"), body);
                long t1 = System.nanoTime();
                Response imported = facilitator.postCsv(w.path("/statements/import"), body);
                long t2 = System.nanoTime();
                assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
                assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
                Response board = w.get("/boards/NOT_WORKING");
                while (board.status() == 503) {
                    board = w.get("/boards/NOT_WORKING");
                }
                assertThat(board.json().get("unclustered").size()).isEqualTo(rows / 2);
                long t3 = System.nanoTime();
                System.out.printf(
                        Locale.ROOT,
                        "%8d %12.0f %12.0f %14.0f %12.1f%n",
                        rows,
                        (t1 - t0) / 1e6,
                        (t2 - t1) / 1e6,
                        (t3 - t2) / 1e6,
                        (t2 - t1) / 1e3 / rows);
            }
        }
    }
}
