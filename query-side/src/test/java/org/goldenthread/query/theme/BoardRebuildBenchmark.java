package org.goldenthread.query.theme;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.goldenthread.query.readstore.WriteBatchInterceptor;
import org.goldenthread.query.support.FakeVault;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On-demand benchmark of a board rebuild as the service runs one: the events of a POPULATION card call
 * ({@link PopulationCardCall}: {@code n} statements, default 10,000) in an event store, replayed from the start
 * by a tracking processor in batches of 100 (the service's default, its writes in one {@link WriteBatchInterceptor
 * write batch} per batch of events) into {@link BoardProjection} on the
 * mongo-java-server H2 (MVStore file) and memory backends. Prints events/s of the whole rebuild; asserts the
 * rebuilt board, nothing about time.
 *
 * <pre>mvn -q -o -pl query-side test -Dgroups=benchmark -DexcludedGroups= -Dtest=BoardRebuildBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dboard.n=2000]</pre>
 */
@Tag("benchmark")
class BoardRebuildBenchmark {

    private static final int BATCH = 100;

    @TempDir
    Path dir;

    @Test
    void h2_backend() throws Exception {
        run("h2", new H2Backend(dir.resolve("board.mv").toString()));
    }

    @Test
    void memory_backend() throws Exception {
        run("memory", new MemoryBackend());
    }

    private void run(String name, MongoBackend backend) throws Exception {
        int n = Integer.getInteger("board.n", 10_000);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        FakeVault vault = new FakeVault();
        PopulationCardCall call = new PopulationCardCall(n, vault);
        List<EventMessage<?>> events = new ArrayList<>();
        for (Object e : call.all()) {
            events.add(GenericEventMessage.asEventMessage(e));
        }
        try (MongoClient client =
                MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort())) {
            BoardProjection projection = new BoardProjection(
                    client.getDatabase("bench"),
                    vault,
                    SimpleQueryUpdateEmitter.builder().build());
            Configuration axon = DefaultConfigurer.defaultConfiguration()
                    .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                    .eventProcessing(processing -> processing
                            .usingTrackingEventProcessors()
                            .registerTokenStore(c -> new InMemoryTokenStore())
                            .registerTrackingEventProcessorConfiguration(
                                    c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                            .andBatchSize(BATCH))
                            .registerDefaultHandlerInterceptor((c, processor) -> new WriteBatchInterceptor())
                            .registerEventHandler(c -> projection))
                    .buildConfiguration();
            axon.eventStore().publish(events);

            long start = System.nanoTime();
            axon.start();
            TrackingEventProcessor processor = axon.eventProcessingConfiguration()
                    .eventProcessor(BoardProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                    .orElseThrow();
            long last = events.size() - 1;
            while (processor.processingStatus().values().stream()
                    .noneMatch(s -> s.getCurrentPosition().orElse(-1) >= last)) {
                assertThat(processor.isError()).as("the processor failed").isFalse();
                Thread.sleep(5);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            axon.shutdown();
            System.out.printf(
                    "BoardRebuildBenchmark[%s]: n=%d statements, %d events rebuilt in %.1f s = %.0f events/s"
                            + " (batches of %d)%n",
                    name, n, events.size(), seconds, events.size() / seconds, BATCH);

            BoardView view = projection.handle(new FindBoard(PopulationCardCall.PROGRAMME, Category.NOT_WORKING));
            call.assertNotWorkingBoard(view);
        } finally {
            server.shutdownNow();
        }
    }
}
