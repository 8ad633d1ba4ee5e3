package org.goldenthread.infra;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
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
import org.goldenthread.infra.store.ReadModelRebuilds;
import org.goldenthread.infra.support.LocalPostgres;
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
 * programmes of 383 events each through launch, participants, 50 reviews of 2 statements, a card call of 10 themes,
 * renames, a vote, then for two prioritised themes whys, causes, a root-cause ballot, a success statement, a measure
 * with baseline and actual, ideas, an idea ballot, a plan and its milestone, then a process review and the report;
 * every tenth programme with a contract (a KPI derived from its measure, agreed, active, four actuals) — into the
 * stores of a running service ({@code -Dbenchmark.store=postgresql} puts the events in a PostgreSQL started for the
 * run), then prints, in one run: (c) the append rate of the generation (the service's
 * own storage engine with the hash chain, every processor stopped) against a raw JDBC batch insert of the same rows;
 * (a) the ceiling: a raw sequential read and deserialisation of every event; (d) the read store's own bulk-write
 * rate; (b) a full rebuild of every read model (the service's one pass for all, or each processor by itself with
 * {@code -Dbenchmark.rebuild=processors}; timed until every one is at the head, no dead letter allowed); the ratios;
 * and the heap. {@code -Dbenchmark.settings=a=1,b=2} passes settings to the service. Run with
 * {@code -DargLine=-Xmx512m} to hold it to a 512 MiB heap.
 */
@Tag("benchmark")
class ReplayBenchmark {

    @TempDir
    Path data;

    /** Events per programme (launch to learning, two themes through steps 4-7); every tenth also has a contract. */
    static final int PER_PROGRAMME = 383;

    static final int CONTRACT_EVERY = 10;

    static final String RAW_INSERT = "INSERT INTO raw_copy (globalIndex, eventIdentifier, aggregateIdentifier,"
            + " sequenceNumber, timeStamp, payloadType, payloadRevision, payload, metaData, type)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        for (int t = 0; t < 2; t++) {
            out.addAll(themeWork(p, "t" + t));
        }
        out.add(new org.goldenthread.kernel.learn.ProcessReviewRecorded(
                p, "pr1", 1, Perspective.PERSON, List.of("the sessions"), List.of("the venue")));
        out.add(new org.goldenthread.kernel.learn.ReportPublished(p, "rep1", 1));
        return out;
    }

    static final java.time.LocalDate DAY = java.time.LocalDate.of(2026, 3, 2);

    /** Steps 4-7 for one prioritised theme: whys and causes, a root-cause ballot, success, a measure, ideas, a plan. */
    static List<Object> themeWork(String p, String t) {
        List<Object> out = new ArrayList<>();
        out.add(new org.goldenthread.kernel.understand.WhyAsked(
                p, "w" + t, t, null, "Why is this not working?", Perspective.PERSON));
        List<org.goldenthread.kernel.ballot.BallotOption> causes = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            String c = "c" + t + k;
            out.add(new org.goldenthread.kernel.understand.CauseGiven(
                    p, c, "w" + t, t, "Because of reason " + k, Perspective.PERSON));
            causes.add(new org.goldenthread.kernel.ballot.BallotOption(c, "Because of reason " + k));
        }
        out.addAll(ballot(p, "rb" + t, org.goldenthread.kernel.ballot.BallotSubject.ROOT_CAUSES, t, causes));
        out.add(new org.goldenthread.kernel.understand.RootCauseChosen(p, t, "c" + t + 0, "rb" + t, 1, 4));
        out.add(new org.goldenthread.kernel.success.SuccessStatementWritten(
                p,
                "sx" + t,
                t,
                org.goldenthread.kernel.success.SuccessPerspective.PEOPLE_CARERS_FAMILIES,
                "I see my friends every week",
                List.of("c" + t + 0)));
        out.add(new org.goldenthread.kernel.success.MeasureDefined(
                p,
                "m" + t,
                "sx" + t,
                t,
                org.goldenthread.kernel.success.MeasureKind.QUANTITATIVE,
                "people who see friends weekly",
                "the review",
                false,
                false,
                "%",
                org.goldenthread.kernel.success.MeasureDirection.INCREASE,
                "fran",
                "quarterly"));
        out.add(new org.goldenthread.kernel.implement.MeasureBaselined(
                p, "m" + t, new org.goldenthread.kernel.implement.Reading("20", DAY, "survey")));
        List<org.goldenthread.kernel.ballot.BallotOption> ideas = new ArrayList<>();
        org.goldenthread.kernel.plan.IdeaMode[] modes = org.goldenthread.kernel.plan.IdeaMode.values();
        for (int k = 0; k < 3; k++) {
            String i = "i" + t + k;
            out.add(new org.goldenthread.kernel.plan.IdeaProposed(
                    p, i, t, modes[k], "Idea " + k, List.of("c" + t + 0)));
            ideas.add(new org.goldenthread.kernel.ballot.BallotOption(i, "Idea " + k));
        }
        out.addAll(ballot(p, "ib" + t, org.goldenthread.kernel.ballot.BallotSubject.IDEAS, t, ideas));
        out.add(new org.goldenthread.kernel.plan.IdeaChosen(p, t, "i" + t + 0, "ib" + t, 1, 4));
        out.add(new org.goldenthread.kernel.implement.ActionPlanAgreed(
                p,
                "ap" + t,
                "i" + t + 0,
                t,
                1,
                new org.goldenthread.kernel.implement.PlanContent(
                        "A weekly club",
                        List.of("the provider"),
                        "fran",
                        List.of(new org.goldenthread.kernel.implement.PlanContent.Step("book a room", DAY)),
                        List.of(new org.goldenthread.kernel.implement.PlanContent.Milestone(
                                "ms1", "first club", DAY.plusMonths(1))),
                        List.of(new org.goldenthread.kernel.implement.PlanContent.Resource("a room", "the council")),
                        "volunteers",
                        List.of("m" + t),
                        "a leaflet")));
        out.add(new org.goldenthread.kernel.implement.MilestoneReached(p, "ap" + t, "ms1", DAY.plusMonths(1), "held"));
        out.add(new org.goldenthread.kernel.learn.ActualRecorded(
                p, "m" + t, new org.goldenthread.kernel.implement.Reading("35", DAY.plusMonths(3), "survey")));
        return out;
    }

    /** A ballot of participants pt0..pt5 with a vote each, closed with the first option chosen. */
    static List<Object> ballot(
            String p,
            String b,
            org.goldenthread.kernel.ballot.BallotSubject subject,
            String t,
            List<org.goldenthread.kernel.ballot.BallotOption> options) {
        List<Object> out = new ArrayList<>();
        out.add(new org.goldenthread.kernel.ballot.BallotOpened(p, b, subject, t, 1, 1, options));
        for (int v = 0; v < 6; v++) {
            out.add(new org.goldenthread.kernel.ballot.BallotVoteCast(
                    p, b, "pt" + v, options.get(v % 2 == 0 ? 0 : 1 + v % 2).optionId()));
        }
        List<org.goldenthread.kernel.ballot.RankedOption> ranking = new ArrayList<>();
        for (int k = 0; k < options.size(); k++) {
            ranking.add(new org.goldenthread.kernel.ballot.RankedOption(
                    options.get(k).optionId(), options.get(k).label(), k == 0 ? 3 : 1, k == 0 ? 1 : 2));
        }
        out.add(new org.goldenthread.kernel.ballot.BallotClosed(
                p, b, subject, t, ranking, List.of(options.get(0).optionId()), false));
        return out;
    }

    /** A contract for a programme: drafted, a KPI from the programme's first measure agreed, active, four actuals. */
    static List<Object> contract(String c, String p) {
        List<Object> out = new ArrayList<>();
        out.add(new org.goldenthread.kernel.contract.ContractDrafted(
                c,
                "org-council",
                "org-provider",
                "day support",
                DAY,
                DAY.plusYears(1).minusDays(1),
                List.of(p),
                30));
        var terms = new org.goldenthread.kernel.contract.KpiTerms(
                "People who see friends weekly",
                org.goldenthread.kernel.success.MeasureKind.QUANTITATIVE,
                "%",
                new org.goldenthread.kernel.implement.Reading("20", DAY, "survey"),
                "40",
                org.goldenthread.kernel.success.MeasureDirection.INCREASE,
                5.0,
                org.goldenthread.kernel.contract.Cadence.QUARTERLY,
                org.goldenthread.kernel.contract.KpiLevel.OUTCOME,
                false,
                null);
        var from = new org.goldenthread.kernel.contract.MeasureRef(p, "mt0");
        out.add(new org.goldenthread.kernel.contract.KpiProposed(
                c, "kp1", "k1", false, terms, from, "what people said", DAY, null));
        out.add(new org.goldenthread.kernel.contract.KpiAgreed(c, "k1", terms, from, "what people said", DAY, "kp1"));
        out.add(new org.goldenthread.kernel.contract.ProviderAgreed(c, "org-provider", "agreed"));
        out.add(new org.goldenthread.kernel.contract.ContractActivated(c));
        for (int q = 0; q < 4; q++) {
            LocalDateRange period = new LocalDateRange(
                    DAY.plusMonths(3L * q), DAY.plusMonths(3L * q + 3).minusDays(1));
            out.add(new org.goldenthread.kernel.contract.ActualReported(
                    c,
                    "k1",
                    period.start(),
                    period.end(),
                    period.end().plusDays(30),
                    String.valueOf(20 + 5 * q),
                    List.of(new org.goldenthread.kernel.contract.Evidence(
                            org.goldenthread.kernel.contract.EvidenceKind.QUOTE, "I go every week", p, "s0")),
                    "org-provider"));
        }
        return out;
    }

    record LocalDateRange(java.time.LocalDate start, java.time.LocalDate end) {}

    /**
     * The events of the {@code i}th programme, and of its contract every tenth programme; {@code i = -1}: the
     * commissioner and the provider the contracts name.
     */
    static List<GenericDomainEventMessage<?>> streams(int i, MetaData meta) {
        List<GenericDomainEventMessage<?>> out = new ArrayList<>();
        if (i < 0) {
            var kinds = Map.of(
                    "org-council", org.goldenthread.kernel.organisation.OrganisationKind.COMMISSIONING,
                    "org-provider", org.goldenthread.kernel.organisation.OrganisationKind.PROVIDER);
            for (var o : new java.util.TreeMap<>(kinds).entrySet()) {
                out.add(new GenericDomainEventMessage<>(
                        "Organisation",
                        o.getKey(),
                        0,
                        new org.goldenthread.kernel.organisation.OrganisationRegistered(
                                o.getKey(), o.getKey(), o.getValue()),
                        meta));
            }
            return out;
        }
        String p = "bench-" + i;
        long seq = 0;
        for (Object payload : programme(p)) {
            out.add(new GenericDomainEventMessage<>("Programme", p, seq++, payload, meta));
        }
        if (i % CONTRACT_EVERY == 0) {
            String c = "contract-" + i;
            seq = 0;
            for (Object payload : contract(c, p)) {
                out.add(new GenericDomainEventMessage<>("Contract", c, seq++, payload, meta));
            }
        }
        return out;
    }

    /** Samples the used heap every 50 ms: the peak seen, and the largest old generation left after a collection. */
    static final class HeapSampler implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            thread = new Thread(
                    () -> {
                        while (running) {
                            long used = ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed();
                            peak.accumulateAndGet(used, Math::max);
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long peakMiB() {
            return peak.get() >> 20;
        }

        /** The largest heap left live after a collection (old generation pools), an upper bound of the live set. */
        static long liveAfterGcMiB() {
            long live = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP
                        && pool.getCollectionUsage() != null
                        && pool.getName().toLowerCase(java.util.Locale.ROOT).contains("old")) {
                    live = Math.max(live, pool.getCollectionUsage().getUsed());
                }
            }
            return live >> 20;
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }

    /**
     * Upserts (replace by id) or inserts {@code count} documents the size of an audit entry, in unordered bulks of
     * 1,000: docs/s.
     */
    static double bulkWriteRate(com.mongodb.client.MongoDatabase database, int count, boolean insert) {
        var docs = database.getCollection("benchmark_bulk");
        docs.drop();
        var upsert = new com.mongodb.client.model.ReplaceOptions().upsert(true);
        long start = System.nanoTime();
        List<com.mongodb.client.model.WriteModel<org.bson.Document>> bulk = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = "bench-" + (i / 319) + ":" + i;
            org.bson.Document doc = new org.bson.Document("_id", id)
                    .append("programmeId", "bench-" + (i / 319))
                    .append("position", (long) i)
                    .append("at", java.util.Date.from(java.time.Instant.now()))
                    .append("actor", "fran")
                    .append("role", "FACILITATOR")
                    .append("type", "StatementClustered")
                    .append("summary", "fran (FACILITATOR) clustered statement s" + i + " into theme t1")
                    .append("subject", "statement:s" + i);
            bulk.add(
                    insert
                            ? new com.mongodb.client.model.InsertOneModel<>(doc)
                            : new com.mongodb.client.model.ReplaceOneModel<>(
                                    com.mongodb.client.model.Filters.eq("_id", id), doc, upsert));
            if (bulk.size() == 1000) {
                docs.bulkWrite(bulk, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
                bulk.clear();
            }
        }
        if (!bulk.isEmpty()) {
            docs.bulkWrite(bulk, new com.mongodb.client.model.BulkWriteOptions().ordered(false));
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        docs.drop();
        return rate;
    }

    @Test
    void generate_read_rebuild_and_print_the_figures() throws Exception {
        int target = Integer.getInteger("benchmark.events", 1_000_000);
        int programmes = Math.max(1, target / PER_PROGRAMME);
        // e.g. -Dbenchmark.settings=goldenthread.processing.batch-size=500 to compare settings
        List<String> settings = new ArrayList<>();
        for (String s : System.getProperty("benchmark.settings", "").split(",")) {
            if (!s.isBlank()) {
                settings.add(s.trim());
            }
        }
        boolean postgres = "postgresql".equalsIgnoreCase(System.getProperty("benchmark.store", "h2"));
        LocalPostgres pg = postgres ? LocalPostgres.start() : null;
        if (pg != null) {
            settings.add("spring.datasource.url=" + pg.jdbcUrl());
            settings.add("spring.datasource.username=" + pg.username());
            settings.add("spring.datasource.password=" + pg.password());
        }
        try (pg;
                RunningApp app = RunningApp.start(data, settings.toArray(String[]::new));
                HeapSampler heap = new HeapSampler()) {
            EventStorageEngine engine = app.bean(EventStorageEngine.class);
            List<String> readModels = app.bean(ReadModelRebuilds.class).readModels();
            List<StreamingEventProcessor> processors = readModels.stream()
                    .map(name -> app.bean(EventProcessingConfiguration.class)
                            .eventProcessor(name, StreamingEventProcessor.class)
                            .orElseThrow())
                    .toList();
            // the engine alone: no processor reads while the events are generated. Each is stopped once it has
            // claimed its segment: a processor stopped while still starting may not claim it again when restarted
            List<StreamingEventProcessor> all =
                    app.bean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                            .filter(StreamingEventProcessor.class::isInstance)
                            .map(StreamingEventProcessor.class::cast)
                            .toList();
            long claimDeadline = System.nanoTime() + 60_000_000_000L;
            while (all.stream().anyMatch(p -> p.processingStatus().isEmpty()) && System.nanoTime() < claimDeadline) {
                Thread.sleep(50);
            }
            all.forEach(StreamingEventProcessor::shutDown);
            MetaData meta = MetaData.with(ActorMetaData.ACTOR, "fran").and(ActorMetaData.ROLE, "FACILITATOR");
            long events = 0;
            long t0 = System.nanoTime();
            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = -1; i < programmes; i++) {
                batch.addAll(streams(i, meta));
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
                    for (int i = -1; i < programmes; i++) {
                        for (GenericDomainEventMessage<?> m : streams(i, meta)) {
                            var serialized = serializer.serialize(m.getPayload(), byte[].class);
                            insert.setLong(1, raw);
                            insert.setString(2, UUID.randomUUID().toString());
                            insert.setString(3, m.getAggregateIdentifier());
                            insert.setLong(4, m.getSequenceNumber());
                            insert.setString(10, m.getType());
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
            try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(null, false)) {
                read = stream.peek(EventMessage::getPayload)
                        .peek(EventMessage::getMetaData)
                        .count();
            }
            double readSeconds = (System.nanoTime() - readStart) / 1e9;

            // (d) the read store's own bulk-write rate
            int bulkDocs = (int) Math.min(events, 100_000);
            double bulk = bulkWriteRate(app.bean(com.mongodb.client.MongoDatabase.class), bulkDocs, false);
            double bulkInsert = bulkWriteRate(app.bean(com.mongodb.client.MongoDatabase.class), bulkDocs, true);

            // (b) rebuild every read model from the start, all at once (the erasure process is not a read model)
            long head = engine.createHeadToken().position().orElse(-1);
            // one pass over the events for every read model (the service's rebuild), or with
            // -Dbenchmark.rebuild=processors each processor replaying by itself
            boolean onePass = !"processors".equals(System.getProperty("benchmark.rebuild"));
            long docsBefore = org.goldenthread.query.readstore.WriteBatch.documentsWritten();
            long writeNanosBefore = org.goldenthread.query.readstore.WriteBatch.writeNanos();
            long rebuildStart = System.nanoTime();
            if (onePass) {
                app.bean(ReadModelRebuilds.class).rebuildAll("benchmark", "measuring a full rebuild");
            } else {
                for (StreamingEventProcessor processor : processors) {
                    processor.resetTokens();
                    processor.start();
                }
            }
            Map<String, Double> doneAfter = new java.util.TreeMap<>();
            while (doneAfter.size() < processors.size()) {
                for (StreamingEventProcessor processor : processors) {
                    if (!doneAfter.containsKey(processor.getName())
                            && processor.processingStatus().values().stream()
                                    .allMatch(st -> st.getCurrentPosition().orElse(-1) >= head)
                            && !processor.processingStatus().isEmpty()) {
                        doneAfter.put(processor.getName(), (System.nanoTime() - rebuildStart) / 1e9);
                    }
                }
                Thread.sleep(50);
            }
            double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
            long deadLetters;
            try (Connection c = db.getConnection();
                    Statement st = c.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM dead_letter_entry")) {
                rs.next();
                deadLetters = rs.getLong(1);
            }
            long docsWritten = org.goldenthread.query.readstore.WriteBatch.documentsWritten() - docsBefore;
            double writeSeconds = (org.goldenthread.query.readstore.WriteBatch.writeNanos() - writeNanosBefore) / 1e9;

            System.out.printf(
                    "==== ReplayBenchmark: %,d events (%,d programmes), events in %s, "
                            + "file-backed read store, %d read models, max heap %,d MiB, settings %s ====%n",
                    events,
                    programmes,
                    postgres ? "PostgreSQL" : "embedded H2",
                    processors.size(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    settings.stream()
                            .filter(x -> !x.startsWith("spring.datasource"))
                            .toList());
            double append = events / appendSeconds;
            double rawRate = raw / rawSeconds;
            double ceiling = read / readSeconds;
            double rebuild = events / rebuildSeconds;
            System.out.printf(
                    "(c) generation append (engine alone, hash chain): %,.0f events/s (%.1f s)%n",
                    append, appendSeconds);
            System.out.printf("(c) raw JDBC batch insert, same rows: %,.0f events/s (%.1f s)%n", rawRate, rawSeconds);
            System.out.printf("(c) append / raw insert: %.2f%n", append / rawRate);
            System.out.printf(
                    "(a) ceiling, read + deserialise (payload and metadata): %,.0f events/s (%.1f s)%n",
                    ceiling, readSeconds);
            System.out.printf("(b) full rebuild, every projection: %,.0f events/s (%.1f s)%n", rebuild, rebuildSeconds);
            System.out.printf("(b) rebuild / ceiling: %.0f %%%n", 100 * rebuild / ceiling);
            System.out.printf(
                    "(b) %s: %,d documents written in %.1f s of writes (%,.0f docs/s; %.0f %% of the rebuild)%n",
                    onePass ? "one pass for every read model" : "each processor by itself",
                    docsWritten,
                    writeSeconds,
                    docsWritten / Math.max(0.001, writeSeconds),
                    100 * writeSeconds / rebuildSeconds);
            System.out.printf("(d) read store bulk upsert, %,d documents: %,.0f docs/s%n", bulkDocs, bulk);
            System.out.printf("(d) read store bulk insert, %,d documents: %,.0f docs/s%n", bulkDocs, bulkInsert);
            var database = app.bean(com.mongodb.client.MongoDatabase.class);
            Map<String, Long> stored = new java.util.TreeMap<>();
            for (String name : database.listCollectionNames()) {
                stored.put(name, database.getCollection(name).estimatedDocumentCount());
            }
            // a query the store has no index for reads every document of the collection: an auditor's timeline
            // filtered by actor, say. Before the store kept old chunks for ten minutes, a scan of a million documents
            // while the processors wrote failed with H2's 'Chunk … not found'. Counted as the service counts (ids
            // found): countDocuments has the embedded store load the whole collection first
            System.gc();
            System.out.printf(
                    "heap after the rebuild, after a full collection: %,d MiB used%n",
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
            histogram();
            long scanned = stored.getOrDefault("audit", 0L);
            long scanStart = System.nanoTime();
            long matched = org.goldenthread.query.readstore.Documents.count(
                    database.getCollection("audit"), com.mongodb.client.model.Filters.eq("actor", "no such actor"));
            double scanSeconds = (System.nanoTime() - scanStart) / 1e9;
            org.assertj.core.api.Assertions.assertThat(matched).isZero();
            long storedDocs =
                    stored.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(
                    "(d) the rebuilt read store holds %,d documents (%.1f per event): inserted once each at the bulk"
                            + " insert rate that alone takes %.1f s%n",
                    storedDocs, storedDocs / (double) events, storedDocs / bulkInsert);
            System.out.printf("(d) documents by collection: %s%n", stored);
            System.out.printf(
                    "(d) a query without an index reads the whole audit collection: %,d documents in %.1f s (%,.0f"
                            + " docs/s)%n",
                    scanned, scanSeconds, scanned / scanSeconds);
            System.out.printf("(b) each read model at the head after (s): %s%n", doneAfter);
            System.out.printf(
                    "heap: peak used %,d MiB (sampled), largest old generation after a collection %,d MiB%n",
                    heap.peakMiB(), HeapSampler.liveAfterGcMiB());
            System.out.printf("(b) dead letters after the rebuild: %,d%n", deadLetters);
            org.assertj.core.api.Assertions.assertThat(deadLetters)
                    .as("every generated event is handled")
                    .isZero();
            System.out.println(Map.of("done", true));
        }
    }

    /** The heap's largest classes (jcmd's class histogram of this JVM), to see what a rebuild leaves behind. */
    private static void histogram() {
        try {
            Process jcmd = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "jcmd")
                                    .toString(),
                            Long.toString(ProcessHandle.current().pid()),
                            "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            List<String> lines = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .limit(18)
                    .toList();
            jcmd.waitFor();
            lines.forEach(l -> System.out.println("heap histogram " + l));
        } catch (Exception e) {
            System.out.println("heap histogram: jcmd failed: " + e);
        }
    }
}
