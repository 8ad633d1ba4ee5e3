package org.goldenthread.infra;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.collect.ReviewRecorded;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.MemberRole;
import org.goldenthread.kernel.programme.MembershipGranted;
import org.goldenthread.kernel.programme.ParticipantRegistered;
import org.goldenthread.kernel.programme.ProgrammeLaunched;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.vote.RankedTheme;
import org.goldenthread.kernel.vote.ThemeAtOpening;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.kernel.vote.VoteCast;
import org.goldenthread.kernel.vote.VotingClosed;
import org.goldenthread.kernel.vote.VotingOpened;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replay at scale (on demand: tag {@code benchmark}). Generates {@code benchmark.events} (default 1,000,000) events —
 * programmes of 319 events each through launch, participants, 50 reviews of 2 statements, a card call of 10 themes,
 * renames and a vote — into the embedded stores of a running service, then prints, in one run: (c) the append rate
 * of the generation (the service's own storage engine, with the hash chain) against a raw JDBC batch insert of the same
 * rows; (a) the ceiling: a raw sequential read and deserialisation of every event; (b) a full rebuild of every
 * projection (all processors reset at once, timed until every one is at the head); the ratios; and peak heap.
 * Run with {@code -DargLine=-Xmx512m} to hold it to a 512 MiB heap.
 */
@Tag("benchmark")
class ReplayBenchmark {

    @TempDir
    Path data;

    static final int PER_PROGRAMME = 319;

    static final String RAW_INSERT = "INSERT INTO raw_copy (globalIndex, eventIdentifier, aggregateIdentifier,"
            + " sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, metaData)"
            + " VALUES (?, ?, ?, ?, 'Programme', ?, ?, ?, ?, ?)";

    static List<Object> programme(String p) {
        List<Object> out = new ArrayList<>();
        out.add(new ProgrammeLaunched(p, "We are using WTfC to listen so that support changes", Level.SERVICE));
        out.add(new MembershipGranted(p, "fran", MemberRole.FACILITATOR, null, "launched it"));
        for (int i = 0; i < 10; i++) {
            out.add(new ParticipantRegistered(
                    p, "pt" + i, null, Perspective.PERSON, null, new SealedText("k-pt" + i, "c2VhbGVk")));
        }
        for (int r = 0; r < 50; r++) {
            String a = "s" + (2 * r);
            String b = "s" + (2 * r + 1);
            out.add(new ReviewRecorded(p, "r" + r, "person" + r, List.of(a, b)));
            out.add(new StatementRecorded(
                    p, "r" + r, a, "person" + r, Category.NOT_WORKING, 1, new SealedText("k" + r, "c2VhbGVk")));
            out.add(new StatementRecorded(
                    p, "r" + r, b, "person" + r, Category.NOT_WORKING, 2, new SealedText("k" + r, "c2VhbGVk")));
        }
        List<ThemeAtOpening> themes = new ArrayList<>();
        for (int t = 0; t < 10; t++) {
            out.add(new ThemeCreated(p, Category.NOT_WORKING, "t" + t, "theme " + t));
        }
        for (int s = 0; s < 100; s++) {
            out.add(new StatementClustered(p, Category.NOT_WORKING, "s" + s, "t" + (s % 10), false));
        }
        for (int t = 0; t < 10; t++) {
            out.add(new ThemeRenamed(p, Category.NOT_WORKING, "t" + t, "theme " + t, "I am theme " + t));
            List<String> held = new ArrayList<>();
            for (int s = t; s < 100; s += 10) {
                held.add("s" + s);
            }
            themes.add(new ThemeAtOpening("t" + t, "I am theme " + t, held));
        }
        out.add(new VotingOpened(p, "v1", 3, 5, themes));
        List<RankedTheme> ranking = new ArrayList<>();
        for (int v = 0; v < 30; v++) {
            out.add(new VoteCast(p, "v1", "pt" + (v % 10), "t" + (v % 10)));
        }
        for (int t = 0; t < 10; t++) {
            ranking.add(new RankedTheme("t" + t, "I am theme " + t, 3, 1));
        }
        out.add(new VotingClosed(p, "v1", ranking, List.of("t0", "t1", "t2", "t3", "t4"), true));
        for (int t = 0; t < 5; t++) {
            out.add(new ThemePrioritised(p, "t" + t, "v1", 1, 3));
        }
        return out;
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    @Test
    void generate_read_rebuild_and_print_the_figures() throws Exception {
        int target = Integer.getInteger("benchmark.events", 1_000_000);
        int programmes = Math.max(1, target / PER_PROGRAMME);
        try (RunningApp app = RunningApp.start(data)) {
            EventStorageEngine engine = app.bean(EventStorageEngine.class);
            MetaData meta = MetaData.with(ActorMetaData.ACTOR, "fran").and(ActorMetaData.ROLE, "FACILITATOR");
            long events = 0;
            long t0 = System.nanoTime();
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < programmes; i++) {
                String p = "bench-" + i;
                long seq = 0;
                for (Object payload : programme(p)) {
                    batch.add(new GenericDomainEventMessage<>("Programme", p, seq++, payload, meta));
                }
                if (batch.size() >= 2000) {
                    engine.appendEvents(batch);
                    events += batch.size();
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                engine.appendEvents(batch);
                events += batch.size();
            }
            double appendSeconds = (System.nanoTime() - t0) / 1e9;

            // (c) the same rows inserted raw, in JDBC batches, into a copy of the table
            DataSource db = app.bean(DataSource.class);
            Serializer serializer = app.context().getBean("eventSerializer", Serializer.class);
            long rawStart;
            long raw = 0;
            try (Connection c = db.getConnection()) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE raw_copy AS SELECT * FROM DomainEventEntry WHERE 1 = 0");
                }
                c.setAutoCommit(false);
                rawStart = System.nanoTime();
                try (PreparedStatement insert = c.prepareStatement(RAW_INSERT)) {
                    byte[] metaBytes = serializer.serialize(meta, byte[].class).getData();
                    for (int i = 0; i < programmes; i++) {
                        String p = "bench-" + i;
                        long seq = 0;
                        for (Object payload : programme(p)) {
                            var serialized = serializer.serialize(payload, byte[].class);
                            insert.setLong(1, raw);
                            insert.setString(2, UUID.randomUUID().toString());
                            insert.setString(3, p);
                            insert.setLong(4, seq++);
                            insert.setString(5, java.time.Instant.now().toString());
                            insert.setString(6, serialized.getType().getName());
                            insert.setString(7, serialized.getType().getRevision());
                            insert.setBytes(8, serialized.getData());
                            insert.setBytes(9, metaBytes);
                            insert.addBatch();
                            if (++raw % 2000 == 0) {
                                insert.executeBatch();
                                c.commit();
                            }
                        }
                    }
                    insert.executeBatch();
                    c.commit();
                }
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

            // (a) the ceiling: read and deserialise every event, no projection work
            long readStart = System.nanoTime();
            long read;
            try (Stream<? extends TrackedEventMessage<?>> all = engine.readEvents(null, false)) {
                read = all.peek(EventMessage::getPayload).count();
            }
            double readSeconds = (System.nanoTime() - readStart) / 1e9;

            // (b) rebuild every projection from the start, all at once
            app.readFromSettledHead();
            List<StreamingEventProcessor> processors =
                    app.bean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                            .filter(StreamingEventProcessor.class::isInstance)
                            .map(StreamingEventProcessor.class::cast)
                            .toList();
            long head = engine.createHeadToken().position().orElse(-1);
            long rebuildStart = System.nanoTime();
            for (StreamingEventProcessor processor : processors) {
                processor.shutDown();
                processor.resetTokens();
                processor.start();
            }
            for (StreamingEventProcessor processor : processors) {
                while (processor.processingStatus().values().stream()
                        .anyMatch(s -> s.getCurrentPosition().orElse(-1) < head)) {
                    Thread.sleep(50);
                }
            }
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;

            System.out.printf(
                    "==== ReplayBenchmark: %,d events (%,d programmes), embedded H2 events + file-backed read store, "
                            + "%d processors, max heap %,d MiB ====%n",
                    events, programmes, processors.size(), Runtime.getRuntime().maxMemory() >> 20);
            double append = events / appendSeconds;
            double rawRate = raw / rawSeconds;
            double ceiling = read / readSeconds;
            double rebuild = events / rebuildSeconds;
            System.out.printf(
                    "(c) generation append (engine, hash chain): %,.0f events/s (%.1f s)%n", append, appendSeconds);
            System.out.printf("(c) raw JDBC batch insert, same rows: %,.0f events/s (%.1f s)%n", rawRate, rawSeconds);
            System.out.printf("(c) append / raw insert: %.2f%n", append / rawRate);
            System.out.printf("(a) ceiling, read + deserialise: %,.0f events/s (%.1f s)%n", ceiling, readSeconds);
            System.out.printf("(b) full rebuild, every projection: %,.0f events/s (%.1f s)%n", rebuild, rebuildSeconds);
            System.out.printf("(b) rebuild / ceiling: %.0f %%%n", 100 * rebuild / ceiling);
            System.out.printf("peak heap: %,d MiB%n", peakHeap() >> 20);
            System.out.println(Map.of("done", true));
        }
    }
}
