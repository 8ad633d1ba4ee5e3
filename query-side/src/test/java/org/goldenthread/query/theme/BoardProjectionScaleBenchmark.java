package org.goldenthread.query.theme;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.collect.StatementFlaggedAsProfessionalLanguage;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.query.support.FakeVault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On-demand scale benchmark of {@link BoardProjection} on a POPULATION-sized card call: {@code n} statements
 * (default 10,000) spread over the three boards (every 10th flagged as professional language), 100 themes, every
 * statement clustered into a random theme of its board, then 10 merges on the NOT_WORKING board; fed straight
 * into the projection (no subscribers) on the mongo-java-server H2 (MVStore file) and memory backends. Prints
 * events/s per phase and the FindBoard time for the NOT_WORKING board (≈ n/3 statements); asserts the board's
 * content, nothing about time.
 *
 * <pre>mvn -q -o -pl query-side test -Dgroups=benchmark -DexcludedGroups= -Dtest=BoardProjectionScaleBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dboard.n=2000]</pre>
 */
@Tag("benchmark")
class BoardProjectionScaleBenchmark {

    private static final int QUERIES = 20;

    @TempDir
    Path dir;

    @Test
    void h2_backend() {
        run("h2", new H2Backend(dir.resolve("board.mv").toString()));
    }

    @Test
    void memory_backend() {
        run("memory", new MemoryBackend());
    }

    private void run(String name, MongoBackend backend) {
        int n = Integer.getInteger("board.n", 10_000);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            FakeVault vault = new FakeVault();
            BoardProjection projection = new BoardProjection(
                    client.getDatabase("bench"),
                    vault,
                    SimpleQueryUpdateEmitter.builder().build());
            long[] position = {0};
            Consumer<Object> feed = e -> apply(projection, e, new GlobalSequenceTrackingToken(++position[0]));
            PopulationCardCall call = new PopulationCardCall(n, vault);

            System.out.printf("BoardProjectionScaleBenchmark[%s]: n=%d statements%n", name, n);
            long total = System.nanoTime();
            int events = phase(name, "record+flag", call.recorded, feed)
                    + phase(name, "create themes", call.themes, feed)
                    + phase(name, "cluster", call.clustered, feed)
                    + phase(name, "merge", call.merges, feed);
            double seconds = (System.nanoTime() - total) / 1e9;
            System.out.printf(
                    "BoardProjectionScaleBenchmark[%s]: all %d events in %.1f s = %.0f events/s%n",
                    name, events, seconds, events / seconds);

            FindBoard query = new FindBoard(PopulationCardCall.PROGRAMME, Category.NOT_WORKING);
            double[] ms = new double[QUERIES];
            BoardView view = null;
            for (int i = 0; i < QUERIES; i++) {
                long t = System.nanoTime();
                view = projection.handle(query);
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            double[] sorted = ms.clone();
            Arrays.sort(sorted);
            int statements =
                    view.themes().stream().mapToInt(t -> t.statements().size()).sum();
            System.out.printf(
                    "BoardProjectionScaleBenchmark[%s]: FindBoard NOT_WORKING (%d statements in %d themes, %d retired) "
                            + "first=%.1f ms p50=%.1f ms max=%.1f ms%n",
                    name,
                    statements,
                    view.themes().size(),
                    view.retiredThemes().size(),
                    ms[0],
                    sorted[QUERIES / 2],
                    sorted[QUERIES - 1]);

            call.assertNotWorkingBoard(view);
        } finally {
            server.shutdownNow();
        }
    }

    private static int phase(String name, String what, List<Object> events, Consumer<Object> feed) {
        long start = System.nanoTime();
        events.forEach(feed);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "BoardProjectionScaleBenchmark[%s]: %-14s %6d events in %7.2f s = %8.0f events/s%n",
                name, what, events.size(), seconds, events.size() / seconds);
        return events.size();
    }

    private static void apply(BoardProjection p, Object e, TrackingToken t) {
        if (e instanceof ProgrammeLaunched x) p.on(x);
        else if (e instanceof StatementRecorded x) p.on(x, t);
        else if (e instanceof StatementFlaggedAsProfessionalLanguage x) p.on(x, t);
        else if (e instanceof ThemeCreated x) p.on(x, t);
        else if (e instanceof StatementClustered x) p.on(x, t);
        else if (e instanceof ThemesMerged x) p.on(x, t);
        else throw new IllegalArgumentException("unhandled " + e);
    }
}
