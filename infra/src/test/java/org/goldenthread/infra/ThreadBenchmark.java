package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Perspective;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.CastBallotVote;
import org.goldenthread.kernel.ballot.CloseBallot;
import org.goldenthread.kernel.ballot.OpenBallot;
import org.goldenthread.kernel.collect.RecordReview;
import org.goldenthread.kernel.collect.StatementInput;
import org.goldenthread.kernel.implement.AgreeActionPlan;
import org.goldenthread.kernel.implement.BaselineMeasure;
import org.goldenthread.kernel.implement.PlanContent;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.learn.RecordActual;
import org.goldenthread.kernel.plan.IdeaMode;
import org.goldenthread.kernel.plan.PlaceIdea;
import org.goldenthread.kernel.plan.ProposeIdea;
import org.goldenthread.kernel.plan.RecordAlreadyInPlace;
import org.goldenthread.kernel.programme.LaunchProgramme;
import org.goldenthread.kernel.programme.Level;
import org.goldenthread.kernel.programme.RegisterParticipant;
import org.goldenthread.kernel.success.DefineMeasure;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;
import org.goldenthread.kernel.success.SuccessPerspective;
import org.goldenthread.kernel.success.WriteSuccessStatement;
import org.goldenthread.kernel.theme.CreateTheme;
import org.goldenthread.kernel.thread.FindThread;
import org.goldenthread.kernel.thread.NodeType;
import org.goldenthread.kernel.thread.ThreadView;
import org.goldenthread.kernel.understand.AskWhy;
import org.goldenthread.kernel.understand.GiveCause;
import org.goldenthread.kernel.vote.CastVote;
import org.goldenthread.kernel.vote.CloseVoting;
import org.goldenthread.kernel.vote.OpenVoting;
import org.goldenthread.kernel.vote.ThemePrioritised;
import org.goldenthread.query.thread.GoldenThreadProjection;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The golden thread on a POPULATION-level programme, end to end on the real app and its file-backed embedded
 * stores: 1,667 people's reviews (10,002 statements) themed on the three boards (100 NOT_WORKING themes of
 * ~33 statements, 50 WORKING and 50 FUTURE themes), 30 participants, a theme vote putting 20 themes forward
 * (equal votes, so the tie at the cut-off takes them all), and for each of the 20 the five whys, a root-cause
 * ballot, success statements, measures, ideas, an ideas ballot, placements, action plans, baselines and an
 * actual. The programme is built quickly by commands sent in-process through the CommandGateway (as the
 * facilitator); the thread is then queried over HTTP as the auditor: 1,000 BACK from random measures, 1,000
 * FORWARD from random clustered statements and 1,000 FORWARD from random statements of prioritised themes.
 * It also times the first command after a restart on the same data (the aggregate rebuilt from its events),
 * and prints the heap used. Asserts only correctness (every answer holds what it must), never timings.
 *
 * <p>On demand: {@code mvn -o -pl infra test -Dgroups=benchmark -DexcludedGroups= -Dtest=ThreadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class ThreadBenchmark {

    static final int PEOPLE = 1_667;
    static final int NOT_WORKING_THEMES = 100;
    static final int OTHER_THEMES_PER_BOARD = 50;
    static final int PARTICIPANTS = 30;
    static final int VOTED_THEMES = 20;
    static final int VOTES_EACH = 10;
    static final int SELECT_TOP = 5;
    static final int BALLOT_VOTERS = 10;
    static final int PLACERS = 3;
    static final int QUERIES = 1_000;
    static final int WARM_UP = 100;
    static final long SEED = 42L;
    static final Perspective[] PERSPECTIVES = {
        Perspective.PERSON,
        Perspective.CARER_FAMILY,
        Perspective.COMMISSIONER,
        Perspective.PROVIDER,
        Perspective.PRACTITIONER
    };

    static final List<String> ACT_ORDER = List.of(
            "LaunchProgramme",
            "RegisterParticipant",
            "RecordReview",
            "CreateTheme",
            "OpenVoting",
            "CastVote",
            "CloseVoting",
            "AskWhy",
            "GiveCause",
            "OpenBallot",
            "CastBallotVote",
            "CloseBallot",
            "WriteSuccessStatement",
            "DefineMeasure",
            "RecordAlreadyInPlace",
            "ProposeIdea",
            "PlaceIdea",
            "AgreeActionPlan",
            "BaselineMeasure",
            "RecordActual");

    @TempDir
    Path data;

    private final Random idRandom = new Random(7);
    private final Map<String, List<Long>> latencies = new LinkedHashMap<>();
    private CommandGateway commands;

    /** What the build made, for choosing queries and checking answers. */
    private final Map<String, String> wordsOf = new HashMap<>();

    private final Map<String, String> themeOfStatement = new HashMap<>();
    private final List<String> allStatements = new ArrayList<>();
    private final List<String> prioritisedStatements = new ArrayList<>();
    private final List<String> measures = new ArrayList<>();
    private final List<String> plans = new ArrayList<>();

    @Test
    void the_golden_thread_of_a_population_programme_over_http() throws Exception {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "%n==== ThreadBenchmark: POPULATION programme on file-backed embedded stores"
                        + " (H2 events, mongo-java-server H2 read models), %d CPUs, max heap %d MB ====%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20));
        String p;
        long eventsStored;
        List<String> problems = new ArrayList<>();
        Set<String> forward = new LinkedHashSet<>();
        int untracedItems;
        long boot = System.nanoTime();
        try {
            // e.g. -Dbenchmark.settings=goldenthread.snapshot-threshold=1000000000 to measure without snapshots
            String[] settings = System.getProperty("benchmark.settings", "").isBlank()
                    ? new String[0]
                    : System.getProperty("benchmark.settings").split(",");
            try (RunningApp app = RunningApp.start(data, settings)) {
                out.append(String.format(Locale.ROOT, "app start: %.0f ms%n", ms(System.nanoTime() - boot)));
                commands = app.bean(CommandGateway.class);

                // ---- build, in-process, as the facilitator
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                "bench", null, AuthorityUtils.createAuthorityList("ROLE_FACILITATOR")));
                Map<String, long[]> phases = new LinkedHashMap<>();
                String lastThemeStatement;
                String lastPlan;
                long buildStart = System.nanoTime();
                try {
                    p = id();
                    long t = System.nanoTime();
                    int before = acts();
                    send(new LaunchProgramme(
                            p,
                            "We are using WTfC across the borough to hear what matters to people so that"
                                    + " what we commission helps them live the lives they want",
                            Level.POPULATION));
                    List<String> participants = new ArrayList<>();
                    for (int i = 0; i < PARTICIPANTS; i++) {
                        String participantId = id();
                        send(new RegisterParticipant(
                                p,
                                participantId,
                                "Participant " + (i + 1),
                                PERSPECTIVES[i % PERSPECTIVES.length],
                                null));
                        participants.add(participantId);
                    }
                    phases.put("prepare", new long[] {acts() - before, System.nanoTime() - t});

                    t = System.nanoTime();
                    before = acts();
                    Map<Category, List<String>> statementsOn = collect(p);
                    phases.put("collect (1,667 reviews)", new long[] {acts() - before, System.nanoTime() - t});

                    t = System.nanoTime();
                    before = acts();
                    Map<Category, List<String>> themesOn = new EnumMap<>(Category.class);
                    Map<String, String> titleOf = new HashMap<>();
                    for (Category c : Category.values()) {
                        int count = c == Category.NOT_WORKING ? NOT_WORKING_THEMES : OTHER_THEMES_PER_BOARD;
                        themesOn.put(c, theme(p, c, statementsOn.get(c), count, titleOf));
                    }
                    phases.put("theme (200 themes)", new long[] {acts() - before, System.nanoTime() - t});

                    // every 5th NOT_WORKING theme gets exactly 15 votes: a 20-way tie at rank 1 puts all 20 forward
                    t = System.nanoTime();
                    before = acts();
                    List<String> notWorking = themesOn.get(Category.NOT_WORKING);
                    List<String> voted = new ArrayList<>();
                    for (int i = 0; i < NOT_WORKING_THEMES; i += NOT_WORKING_THEMES / VOTED_THEMES) {
                        voted.add(notWorking.get(i));
                    }
                    String voting = id();
                    send(new OpenVoting(p, voting, VOTES_EACH, SELECT_TOP));
                    for (int v = 0; v < PARTICIPANTS * VOTES_EACH; v++) {
                        send(new CastVote(p, voting, participants.get(v / VOTES_EACH), voted.get(v % VOTED_THEMES)));
                    }
                    send(new CloseVoting(p, voting));
                    phases.put("vote (300 votes)", new long[] {acts() - before, System.nanoTime() - t});

                    t = System.nanoTime();
                    before = acts();
                    Set<String> prioritised = new HashSet<>(voted);
                    for (String s : allStatements) {
                        if (prioritised.contains(themeOfStatement.get(s))) {
                            prioritisedStatements.add(s);
                        }
                    }
                    for (int j = 0; j < voted.size(); j++) {
                        work(p, j, voted.get(j), titleOf.get(voted.get(j)), participants);
                    }
                    phases.put("steps 4-8 (20 themes)", new long[] {acts() - before, System.nanoTime() - t});
                    lastPlan = plans.get(plans.size() - 1);
                    String lastTheme = voted.get(voted.size() - 1);
                    lastThemeStatement = prioritisedStatements.stream()
                            .filter(s -> themeOfStatement.get(s).equals(lastTheme))
                            .reduce((a, b) -> b)
                            .orElseThrow();
                } finally {
                    SecurityContextHolder.clearContext();
                }
                long buildNanos = System.nanoTime() - buildStart;

                // the events of the one aggregate, and the themes the vote put forward
                long readStart = System.nanoTime();
                List<DomainEventMessage<?>> events = new ArrayList<>();
                app.bean(EventStore.class).readEvents(p, 0L).asStream().forEach(events::add);
                long readNanos = System.nanoTime() - readStart;
                eventsStored = events.size();
                events.stream()
                        .filter(e -> ThemePrioritised.class.equals(e.getPayloadType()))
                        .forEach(e -> forward.add(((ThemePrioritised) e.getPayload()).themeId()));

                report(out, phases, buildNanos);
                out.append(String.format(
                        Locale.ROOT,
                        "events in the programme aggregate: %d (read back from the store in %.0f ms);"
                                + " statements %d, prioritised themes %d, measures %d, action plans %d%n",
                        eventsStored,
                        ms(readNanos),
                        allStatements.size(),
                        forward.size(),
                        measures.size(),
                        plans.size()));

                // ---- wait for the thread read model
                Api auditor = app.api("auditor");
                String thread = "/api/programmes/" + p + "/thread";
                long catchUpStart = System.nanoTime();
                poll(
                        () -> auditor.get(thread + "?from=statement:" + lastThemeStatement + "&direction=forward"),
                        r -> r.status() == 200 && r.body().contains(lastPlan),
                        Duration.ofMinutes(15));
                out.append(String.format(
                        Locale.ROOT,
                        "thread read model caught up %.1f s after the build ended"
                                + " (FORWARD from the last prioritised statement reaches the last plan)%n",
                        (System.nanoTime() - catchUpStart) / 1e9));
                // every other read model too, so the queries below run on a quiet system (no projection catching up)
                Map<String, Double> caughtUp = awaitProcessors(app, catchUpStart, Duration.ofMinutes(90));
                out.append(
                        "every event processor caught up with the event store head, seconds after the build ended: ");
                caughtUp.forEach((name, secs) -> out.append(String.format(Locale.ROOT, "%s %.1f; ", name, secs)));
                out.append('\n');
                long untracedStart = System.nanoTime();
                Response untraced = auditor.get(thread + "/untraced");
                untracedItems = untraced.status() == 200 ? untraced.json().size() : -1;
                out.append(String.format(
                        Locale.ROOT,
                        "GET /thread/untraced: %d in %.0f ms, %d items%n",
                        untraced.status(),
                        ms(System.nanoTime() - untracedStart),
                        untracedItems));

                // the aggregate cache must keep an idle programme loaded across a GC (Axon's WeakReferenceCache did
                // not)
                SecurityContextHolder.getContext()
                        .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                                "bench", null, AuthorityUtils.createAuthorityList("ROLE_FACILITATOR")));
                try {
                    System.gc();
                    long t = System.nanoTime();
                    commands.sendAndWait(
                            new RegisterParticipant(p, id(), "Participant after a GC", Perspective.OTHER, null));
                    long afterGc = System.nanoTime() - t;
                    t = System.nanoTime();
                    commands.sendAndWait(
                            new RegisterParticipant(p, id(), "Participant after that", Perspective.OTHER, null));
                    out.append(String.format(
                            Locale.ROOT,
                            "in-process RegisterParticipant right after System.gc(): %.0f ms; the next one: %.1f ms%n",
                            ms(afterGc),
                            ms(System.nanoTime() - t)));
                } finally {
                    SecurityContextHolder.clearContext();
                }

                // ---- the thread over HTTP
                String loadBefore = loadAverage();
                Random random = new Random(SEED);
                for (int i = 0; i < WARM_UP; i++) {
                    String path = i % 2 == 0
                            ? thread + "?from=measure:" + pick(random, measures) + "&direction=back"
                            : thread + "?from=statement:" + pick(random, allStatements) + "&direction=forward";
                    Response r = auditor.get(path);
                    assertThat(r.status()).as(path + " " + r).isEqualTo(200);
                }
                List<String> backFrom = picks(random, measures);
                List<String> forwardFrom = picks(random, allStatements);
                List<String> forwardPrioritisedFrom = picks(random, prioritisedStatements);
                Series back = series(
                        "BACK from measures",
                        backFrom,
                        m -> thread + "?from=measure:" + m + "&direction=back",
                        auditor,
                        (m, json) -> checkBack(m, json, problems));
                Series forwardAll = series(
                        "FORWARD from statements",
                        forwardFrom,
                        s -> thread + "?from=statement:" + s + "&direction=forward",
                        auditor,
                        (s, json) -> checkForward(s, json, forward, problems));
                Series forwardPrio = series(
                        "FORWARD, prioritised",
                        forwardPrioritisedFrom,
                        s -> thread + "?from=statement:" + s + "&direction=forward",
                        auditor,
                        (s, json) -> checkForward(s, json, forward, problems));
                out.append(String.format(
                        Locale.ROOT,
                        "%nthread over HTTP (auditor), sequential, after %d warm-up queries (load average "
                                + "%s before, %s after):%n",
                        WARM_UP,
                        loadBefore,
                        loadAverage()));
                out.append(Series.header());
                out.append(back).append(forwardAll).append(forwardPrio);
                long reachingPlan = forwardFrom.stream()
                        .filter(s -> forward.contains(themeOfStatement.get(s)))
                        .count();
                out.append(String.format(
                        Locale.ROOT,
                        "  (%d of the %d random clustered statements lie in a prioritised theme)%n",
                        reachingPlan,
                        QUERIES));

                // ---- the same queries in-process: query gateway, and the projection's handler called directly
                QueryGateway queries = app.bean(QueryGateway.class);
                GoldenThreadProjection projection = app.bean(GoldenThreadProjection.class);
                out.append(String.format(Locale.ROOT, "%nthe same queries in-process (no HTTP, no JSON):%n"));
                out.append(Series.header());
                out.append(inProcess(
                        "BACK, query gateway",
                        backFrom,
                        m -> find(queries, p, "measure:" + m, org.goldenthread.kernel.thread.Direction.BACK)));
                out.append(inProcess(
                        "BACK, projection",
                        backFrom,
                        m -> projection.handle(
                                query(p, "measure:" + m, org.goldenthread.kernel.thread.Direction.BACK))));
                out.append(inProcess(
                        "FWD prio, query gateway",
                        forwardPrioritisedFrom,
                        s -> find(queries, p, "statement:" + s, org.goldenthread.kernel.thread.Direction.FORWARD)));
                out.append(inProcess(
                        "FWD prio, projection",
                        forwardPrioritisedFrom,
                        s -> projection.handle(
                                query(p, "statement:" + s, org.goldenthread.kernel.thread.Direction.FORWARD))));

                out.append(primitives(app.bean(MongoDatabase.class), p, new ArrayList<>(forward)));

                out.append(String.format(Locale.ROOT, "%nheap used: %s%n", heap()));
                out.append(String.format(Locale.ROOT, "answers failing their check: %d%n", problems.size()));
                problems.stream()
                        .limit(20)
                        .forEach(x -> out.append("  ").append(x).append('\n'));
            }

            // ---- restart on the same data: the first command rebuilds the aggregate from its events
            long restart = System.nanoTime();
            try (RunningApp app = RunningApp.start(data, settings)) {
                long startNanos = System.nanoTime() - restart;
                Api facilitator = app.api("facilitator");
                long t = System.nanoTime();
                Response first = facilitator.post(
                        "/api/programmes/" + p + "/participants",
                        Map.of("name", "Late participant", "perspective", "PERSON"));
                long firstNanos = System.nanoTime() - t;
                t = System.nanoTime();
                Response second = facilitator.post(
                        "/api/programmes/" + p + "/participants",
                        Map.of("name", "Later participant", "perspective", "CARER_FAMILY"));
                long secondNanos = System.nanoTime() - t;
                Api auditor = app.api("auditor");
                t = System.nanoTime();
                Response firstQuery = auditor.get(
                        "/api/programmes/" + p + "/thread?from=measure:" + measures.get(0) + "&direction=back");
                long queryNanos = System.nanoTime() - t;
                out.append(String.format(
                        Locale.ROOT,
                        "%nrestart on the same data dir (%d events in the aggregate): app start %.0f ms;"
                                + " first RegisterParticipant over HTTP %.0f ms (%d); second %.1f ms (%d); "
                                + "first thread query after restart %.1f ms (%d)%n",
                        eventsStored,
                        ms(startNanos),
                        ms(firstNanos),
                        first.status(),
                        ms(secondNanos),
                        second.status(),
                        ms(queryNanos),
                        firstQuery.status()));
                out.append(String.format(Locale.ROOT, "heap used after restart and the first command: %s%n", heap()));
                // 20 refused acts, then an act: a refusal must not cost the next act a replay
                long refusedNanos = 0;
                for (int i = 0; i < 20; i++) {
                    long r0 = System.nanoTime();
                    Response refused = facilitator.post(
                            "/api/programmes/" + p + "/boards/NOT_WORKING/themes",
                            Map.of("title", "Nothing", "statementIds", List.of("no-such-statement")));
                    refusedNanos += System.nanoTime() - r0;
                    assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
                }
                t = System.nanoTime();
                Response afterRefusals = facilitator.post(
                        "/api/programmes/" + p + "/participants",
                        Map.of("name", "After refusals", "perspective", "PERSON"));
                long afterRefusalsNanos = System.nanoTime() - t;
                out.append(String.format(
                        Locale.ROOT,
                        "20 refused acts: mean %.1f ms each; the act after them: %.1f ms (%d)%n",
                        ms(refusedNanos) / 20,
                        ms(afterRefusalsNanos),
                        afterRefusals.status()));
                assertThat(afterRefusals.status()).isEqualTo(201);
                assertThat(first.status()).as(first.toString()).isEqualTo(201);
                assertThat(second.status()).as(second.toString()).isEqualTo(201);
                assertThat(firstQuery.status()).as(firstQuery.toString()).isEqualTo(200);
            }
        } finally {
            System.out.println(out);
        }
        assertThat(problems).as("thread answers failing their check").isEmpty();
        assertThat(forward).as("themes put forward by the vote").hasSize(VOTED_THEMES);
        assertThat(untracedItems).as("untraced items").isZero();
    }

    // ---- building the programme -------------------------------------------------------------------------

    private Map<Category, List<String>> collect(String p) {
        Map<Category, List<String>> statementsOn = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            statementsOn.put(c, new ArrayList<>());
        }
        for (int person = 1; person <= PEOPLE; person++) {
            List<StatementInput> statements = new ArrayList<>();
            for (Category c : Category.values()) {
                for (int priority = 1; priority <= 2; priority++) {
                    String statementId = id();
                    String words = words(c, person, priority);
                    statements.add(new StatementInput(statementId, c, priority, words));
                    statementsOn.get(c).add(statementId);
                    wordsOf.put(statementId, words);
                    allStatements.add(statementId);
                }
            }
            send(new RecordReview(p, id(), String.format(Locale.ROOT, "P-%05d", person), statements));
        }
        return statementsOn;
    }

    /**
     * Splits the board's statements into {@code count} themes of (nearly) equal size, each created with all its
     * statements.
     */
    private List<String> theme(String p, Category c, List<String> statements, int count, Map<String, String> titleOf) {
        List<String> themes = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            List<String> chunk = statements.subList(k * statements.size() / count, (k + 1) * statements.size() / count);
            String themeId = id();
            String title = themeTitle(c, k);
            send(new CreateTheme(p, c, themeId, title, List.copyOf(chunk)));
            chunk.forEach(s -> themeOfStatement.put(s, themeId));
            themes.add(themeId);
            titleOf.put(themeId, title);
        }
        return themes;
    }

    /** Steps 4 to 8 for one prioritised theme. */
    private void work(String p, int j, String theme, String title, List<String> participants) {
        // Understand: three causes, one of them below a second why
        String why = id();
        send(new AskWhy(p, why, theme, null, "Why do people tell us \"" + title + "\"?", Perspective.PERSON));
        String staff = id();
        send(new GiveCause(
                p,
                staff,
                why,
                "Because staff are rushed from task to task and have no time to sit and talk (" + (j + 1) + ")",
                Perspective.PROVIDER));
        String nothing = id();
        send(new GiveCause(
                p,
                nothing,
                why,
                "Because there is little going on nearby that people know about (" + (j + 1) + ")",
                Perspective.COMMISSIONER));
        String whyAgain = id();
        send(new AskWhy(p, whyAgain, theme, staff, "Why are staff rushed from task to task?", Perspective.PROVIDER));
        String rotas = id();
        send(new GiveCause(
                p,
                rotas,
                whyAgain,
                "Because rotas are planned around tasks, not around what matters to people (" + (j + 1) + ")",
                Perspective.PROVIDER));
        // the root-cause vote: rotas 10, staff 6, nothing 4 -> rotas and staff chosen
        String causeBallot = id();
        send(new OpenBallot(p, causeBallot, BallotSubject.ROOT_CAUSES, theme, 2, 2));
        for (int i = 0; i < BALLOT_VOTERS; i++) {
            String participant = participants.get((j + i) % participants.size());
            send(new CastBallotVote(p, causeBallot, participant, i % 3 == 0 ? nothing : staff));
            send(new CastBallotVote(p, causeBallot, participant, rotas));
        }
        send(new CloseBallot(p, causeBallot));

        // Identify success: one statement per perspective, in its voice, two measures each
        String people = id();
        send(new WriteSuccessStatement(
                p,
                people,
                theme,
                SuccessPerspective.PEOPLE_CARERS_FAMILIES,
                "I have people around me who have time for me and I do things I enjoy (" + (j + 1) + ")",
                List.of(staff, rotas)));
        String commissioners = id();
        send(new WriteSuccessStatement(
                p,
                commissioners,
                theme,
                SuccessPerspective.COMMISSIONERS,
                "We commission support by the hour people choose, not by the task (" + (j + 1) + ")",
                List.of(staff)));
        String providers = id();
        send(new WriteSuccessStatement(
                p,
                providers,
                theme,
                SuccessPerspective.PROVIDERS,
                "We plan our rotas around what matters to each person (" + (j + 1) + ")",
                List.of(rotas)));
        Map<String, List<String>> measuresOf = new LinkedHashMap<>();
        for (String success : List.of(people, commissioners, providers)) {
            for (int m = 0; m < 2; m++) {
                String measureId = id();
                send(new DefineMeasure(
                        p,
                        measureId,
                        success,
                        MeasureKind.QUANTITATIVE,
                        (m == 0
                                        ? "People saying at review that someone had time for them this week"
                                        : "Hours of support chosen by the person")
                                + " (theme " + (j + 1) + ")",
                        "review records",
                        true,
                        m == 1,
                        "%",
                        MeasureDirection.INCREASE,
                        "Commissioning team",
                        "quarterly"));
                measuresOf.computeIfAbsent(success, k -> new ArrayList<>()).add(measureId);
                measures.add(measureId);
            }
        }

        // Plan: what is in place, ideas in three modes, the ideas vote (train 5, club 4, budgets 1), the grid
        send(new RecordAlreadyInPlace(p, id(), theme, "A weekly lunch club at the day centre"));
        String train = id();
        send(new ProposeIdea(
                p,
                train,
                theme,
                IdeaMode.TRADITIONAL,
                "Give staff time in every visit to talk (" + (j + 1) + ")",
                List.of(staff)));
        String budgets = id();
        send(new ProposeIdea(
                p,
                budgets,
                theme,
                IdeaMode.RADICAL,
                "Personal budgets people plan their own week with (" + (j + 1) + ")",
                List.of(rotas)));
        String club = id();
        send(new ProposeIdea(
                p,
                club,
                theme,
                IdeaMode.DIFFERENT,
                "Befriending with the local football club (" + (j + 1) + ")",
                List.of()));
        String ideaBallot = id();
        send(new OpenBallot(p, ideaBallot, BallotSubject.IDEAS, theme, 1, 2));
        for (int i = 0; i < BALLOT_VOTERS; i++) {
            send(new CastBallotVote(
                    p,
                    ideaBallot,
                    participants.get((j + i) % participants.size()),
                    i < 5 ? train : i < 9 ? club : budgets));
        }
        send(new CloseBallot(p, ideaBallot));
        for (int i = 0; i < PLACERS; i++) {
            String participant = participants.get((j + i) % participants.size());
            send(new PlaceIdea(p, train, participant, 3 + i, 8));
            send(new PlaceIdea(p, club, participant, 2, 6 + i));
        }

        // Implement: a plan per chosen idea, tracking measures; baselines for all, an actual for one
        String trainPlan = id();
        send(new AgreeActionPlan(
                p,
                trainPlan,
                train,
                plan(
                        "Time to talk in every visit",
                        List.of(
                                measuresOf.get(people).get(0),
                                measuresOf.get(commissioners).get(0)))));
        String clubPlan = id();
        send(new AgreeActionPlan(
                p,
                clubPlan,
                club,
                plan(
                        "Befriending with the football club",
                        List.of(
                                measuresOf.get(people).get(1),
                                measuresOf.get(providers).get(0)))));
        plans.add(trainPlan);
        plans.add(clubPlan);
        for (List<String> ms : measuresOf.values()) {
            for (String m : ms) {
                send(new BaselineMeasure(p, m, new Reading("20", LocalDate.of(2026, 1, 10), "review records")));
            }
        }
        send(new RecordActual(
                p, measuresOf.get(people).get(0), new Reading("35", LocalDate.of(2026, 10, 1), "review records")));
    }

    private PlanContent plan(String keyFeatures, List<String> measureIds) {
        return new PlanContent(
                keyFeatures,
                List.of("people who use support", "home care staff", "commissioning team"),
                "Home care manager",
                List.of(new PlanContent.Step("Ask people what they would talk about", LocalDate.of(2026, 2, 1))),
                List.of(new PlanContent.Milestone(id(), "Every rota has time to talk", LocalDate.of(2026, 9, 30))),
                List.of(new PlanContent.Resource("Rota software change", "Provider budget")),
                "Stories from people who have someone to talk to",
                measureIds,
                "Quarterly newsletter and the provider forum");
    }

    private void send(Object command) {
        String type = command.getClass().getSimpleName();
        long start = System.nanoTime();
        try {
            commands.sendAndWait(command);
        } finally {
            latencies.computeIfAbsent(type, k -> new ArrayList<>()).add(System.nanoTime() - start);
        }
    }

    private int acts() {
        return latencies.values().stream().mapToInt(List::size).sum();
    }

    private String id() {
        return new UUID(idRandom.nextLong(), idRandom.nextLong()).toString();
    }

    // ---- people's words and theme titles ----------------------------------------------------------------

    private static final Map<Category, String[]> WORDS = Map.of(
            Category.WORKING,
                    new String[] {
                        "I like going out shopping and to the hairdressers", "I see my grandson every Sunday",
                        "I enjoy the lunch club on Tuesdays", "My neighbour pops in for a cup of tea",
                        "I still do my own garden", "I go to church and sing in the choir",
                        "My carer knows how I like my breakfast", "I feel safe in my flat",
                        "I walk the dog by the canal", "I have my own key and come and go as I please",
                        "I play dominoes with my friends", "My daughter phones me every evening"
                    },
            Category.NOT_WORKING,
                    new String[] {
                        "I have only one friend", "I don't see many people during the day",
                        "I am bored most afternoons", "I don't have my own space",
                        "My bedroom is not right for me", "I only have staff in my life",
                        "I can't get to the shops on my own", "I don't get on with my paid support staff",
                        "I never know who is coming to help me", "My bus pass doesn't work before half nine",
                        "I can't hear the television any more", "I worry about money all the time",
                        "I don't get a say in what I eat", "I feel rushed when I have a wash"
                    },
            Category.FUTURE,
                    new String[] {
                        "I want to see my friends at least once a week", "I would like to learn to use a tablet",
                        "I want to go on holiday to the seaside", "I want to choose who supports me",
                        "I would like a room of my own", "I want to get back to swimming",
                        "I want a job, even a few hours", "I would like to cook my own tea",
                        "I want to go to the football again", "I want to stay in my own home"
                    });

    private static final String[] WHO = {
        "",
        ", like my sister says",
        ", my neighbour knows it too",
        ", I told my support worker",
        ", and my son agrees",
        ", it has been like this a while",
        ", that's what matters to me"
    };
    private static final String[] WHEN = {
        "",
        " most days",
        " at the weekend",
        " in the mornings",
        " since last winter",
        " every week",
        " when it rains",
        " since my fall",
        " on Sundays"
    };

    static String words(Category c, int person, int priority) {
        String[] pool = WORDS.get(c);
        return pool[(person * 2 + priority + c.ordinal() * 5) % pool.length]
                + WHEN[(person * 7 + priority * 3) % WHEN.length]
                + WHO[(person / 3 + priority) % WHO.length];
    }

    static String themeTitle(Category c, int index) {
        String[] stems = switch (c) {
            case WORKING ->
                new String[] {"I have people around me", "I do things I enjoy", "I feel at home", "I get out and about"
                };
            case NOT_WORKING ->
                new String[] {
                    "I am lonely", "I am bored", "I don't like where I live", "I have no say", "I can't get out"
                };
            case FUTURE ->
                new String[] {"I want more friends", "I want to learn", "I want to choose", "I want to get out more"};
        };
        return stems[index % stems.length] + " (" + (index + 1) + ")";
    }

    // ---- querying ---------------------------------------------------------------------------------------

    private interface Check {
        void check(String from, JsonNode answer);
    }

    /** Timings (client side, request to full body) and tree sizes of one series of HTTP queries. */
    private record Series(String name, long[] nanos, int[] nodes, int[] bytes) {
        static String header() {
            return String.format(
                    Locale.ROOT,
                    "  %-26s %5s %8s %8s %8s %8s %8s   %s%n",
                    "query",
                    "n",
                    "p50 ms",
                    "p90 ms",
                    "p99 ms",
                    "max ms",
                    "mean ms",
                    "nodes min/p50/max, body bytes p50/max");
        }

        @Override
        public String toString() {
            long[] t = nanos.clone();
            Arrays.sort(t);
            String size = "";
            if (nodes != null) {
                int[] n = nodes.clone();
                int[] b = bytes.clone();
                Arrays.sort(n);
                Arrays.sort(b);
                size = String.format(
                        Locale.ROOT,
                        "%d/%d/%d, %d/%d",
                        n[0],
                        n[n.length / 2],
                        n[n.length - 1],
                        b[b.length / 2],
                        b[b.length - 1]);
            }
            return String.format(
                    Locale.ROOT,
                    "  %-26s %5d %8.2f %8.2f %8.2f %8.2f %8.2f   %s%n",
                    name,
                    t.length,
                    ms(rank(t, 50)),
                    ms(rank(t, 90)),
                    ms(rank(t, 99)),
                    ms(t[t.length - 1]),
                    ms(Arrays.stream(t).sum() / t.length),
                    size);
        }
    }

    private static Series series(String name, List<String> from, Function<String, String> path, Api api, Check check) {
        long[] nanos = new long[from.size()];
        int[] nodes = new int[from.size()];
        int[] bytes = new int[from.size()];
        List<Response> answers = new ArrayList<>(from.size());
        for (int i = 0; i < from.size(); i++) {
            String url = path.apply(from.get(i));
            long t = System.nanoTime();
            Response r = api.get(url);
            nanos[i] = System.nanoTime() - t;
            answers.add(r);
        }
        for (int i = 0; i < from.size(); i++) {
            Response r = answers.get(i);
            bytes[i] = r.body() == null ? 0 : r.body().length();
            if (r.status() != 200) {
                check.check(from.get(i), null);
                continue;
            }
            JsonNode json = r.json();
            nodes[i] = count(json);
            check.check(from.get(i), json);
        }
        return new Series(name, nanos, nodes, bytes);
    }

    private static Series inProcess(String name, List<String> from, Function<String, ThreadView> call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.apply(from.get(i));
        }
        long[] nanos = new long[from.size()];
        for (int i = 0; i < from.size(); i++) {
            long t = System.nanoTime();
            ThreadView v = call.apply(from.get(i));
            nanos[i] = System.nanoTime() - t;
            if (v == null) {
                throw new AssertionError(name + ": no answer from " + from.get(i));
            }
        }
        return new Series(name, nanos, null, null);
    }

    /**
     * The read-store reads one level of a BACK traversal from a theme makes, timed on their own: the theme's node by
     * id, its ~33 "clusters" links by id ($in), and the statements' nodes by id ($in).
     */
    private static String primitives(MongoDatabase db, String p, List<String> themes) {
        MongoCollection<org.bson.Document> nodes = db.getCollection(GoldenThreadProjection.NODES);
        MongoCollection<org.bson.Document> links = db.getCollection(GoldenThreadProjection.LINKS);
        int reps = 500;
        long[] node = new long[reps];
        long[] linkIn = new long[reps];
        long[] nodeIn = new long[reps];
        int linksRead = 0;
        Random random = new Random(SEED);
        for (int i = -WARM_UP; i < reps; i++) {
            String themeNode = p + "|theme:" + themes.get(random.nextInt(themes.size()));
            long t = System.nanoTime();
            org.bson.Document theme = nodes.find(Filters.eq("_id", themeNode)).first();
            long t1 = System.nanoTime();
            List<org.bson.Document> clusters = links.find(Filters.in("_id", theme.getList("back", String.class)))
                    .into(new ArrayList<>());
            long t2 = System.nanoTime();
            List<String> statementNodes =
                    clusters.stream().map(l -> p + "|" + l.getString("to")).toList();
            List<org.bson.Document> statements =
                    nodes.find(Filters.in("_id", statementNodes)).into(new ArrayList<>());
            long t3 = System.nanoTime();
            if (statements.size() != clusters.size()) {
                throw new AssertionError(
                        "read " + statements.size() + " statement nodes for " + clusters.size() + " links");
            }
            if (i >= 0) {
                node[i] = t1 - t;
                linkIn[i] = t2 - t1;
                nodeIn[i] = t3 - t2;
                linksRead += clusters.size();
            }
        }
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%nread-store primitives (mongo driver -> embedded mongo-java-server, H2 file backend), "
                        + "one BACK level from a prioritised theme, %.1f links a read:%n",
                linksRead / (double) reps));
        out.append(Series.header());
        out.append(new Series("node by _id", node, null, null));
        out.append(new Series("its links, _id $in", linkIn, null, null));
        out.append(new Series("their nodes, _id $in", nodeIn, null, null));
        return out.toString();
    }

    private static FindThread query(String p, String from, org.goldenthread.kernel.thread.Direction direction) {
        return new FindThread(p, NodeType.parseRef("from", from), direction, null);
    }

    private static ThreadView find(
            QueryGateway queries, String p, String from, org.goldenthread.kernel.thread.Direction direction) {
        return queries.query(query(p, from, direction), ResponseTypes.instanceOf(ThreadView.class))
                .join();
    }

    private void checkBack(String measure, JsonNode answer, List<String> problems) {
        if (answer == null) {
            problems.add("BACK from measure " + measure + ": no 200 answer");
            return;
        }
        List<JsonNode> statements = nodesOfType(answer, "statement", new ArrayList<>());
        if (statements.isEmpty()) {
            problems.add("BACK from measure " + measure + " reaches no statement");
        }
        for (JsonNode s : statements) {
            String expected = wordsOf.get(s.get("id").asText());
            if (expected == null || !expected.equals(s.get("text").asText())) {
                problems.add("BACK from measure " + measure + ": statement "
                        + s.get("id").asText() + " has text '" + s.get("text").asText() + "', recorded '" + expected
                        + "'");
                return;
            }
        }
    }

    private void checkForward(String statement, JsonNode answer, Set<String> prioritised, List<String> problems) {
        if (answer == null) {
            problems.add("FORWARD from statement " + statement + ": no 200 answer");
            return;
        }
        String theme = themeOfStatement.get(statement);
        List<JsonNode> themes = nodesOfType(answer, "theme", new ArrayList<>());
        if (themes.stream().noneMatch(t -> t.get("id").asText().equals(theme))) {
            problems.add("FORWARD from statement " + statement + " does not reach its theme " + theme);
        }
        if (prioritised.contains(theme)
                && nodesOfType(answer, "plan", new ArrayList<>()).isEmpty()) {
            problems.add("FORWARD from statement " + statement + " (prioritised theme " + theme + ") reaches no plan");
        }
    }

    private static List<JsonNode> nodesOfType(JsonNode node, String type, List<JsonNode> into) {
        if (type.equals(node.path("type").asText())) {
            into.add(node);
        }
        node.path("children").forEach(c -> nodesOfType(c, type, into));
        return into;
    }

    private static int count(JsonNode node) {
        int n = 1;
        for (JsonNode c : node.path("children")) {
            n += count(c);
        }
        return n;
    }

    private static String pick(Random random, List<String> from) {
        return from.get(random.nextInt(from.size()));
    }

    private static List<String> picks(Random random, List<String> from) {
        List<String> out = new ArrayList<>(QUERIES);
        for (int i = 0; i < QUERIES; i++) {
            out.add(pick(random, from));
        }
        return out;
    }

    /**
     * Waits until every streaming processor has processed up to the store's head; answers the seconds each took from
     * {@code since}.
     */
    private static Map<String, Double> awaitProcessors(RunningApp app, long since, Duration within)
            throws InterruptedException {
        long head = app.bean(EventStore.class).createHeadToken().position().orElse(0);
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        app.bean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                processors.put(name, streaming);
            }
        });
        Map<String, Double> caughtUp = new LinkedHashMap<>();
        long deadline = System.nanoTime() + within.toNanos();
        while (caughtUp.size() < processors.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("processors not caught up within " + within + ": only " + caughtUp.keySet());
            }
            for (Map.Entry<String, StreamingEventProcessor> e : processors.entrySet()) {
                Map<Integer, EventTrackerStatus> status = e.getValue().processingStatus();
                if (!caughtUp.containsKey(e.getKey())
                        && !status.isEmpty()
                        && status.values().stream()
                                .allMatch(s ->
                                        s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= head)) {
                    caughtUp.put(e.getKey(), (System.nanoTime() - since) / 1e9);
                }
            }
            Thread.sleep(200);
        }
        return caughtUp;
    }

    private static <T> T poll(Supplier<T> read, Predicate<T> condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = read.get();
            if (condition.test(last)) {
                return last;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("condition not reached within " + within + "; last value: " + last);
    }

    // ---- report -----------------------------------------------------------------------------------------

    private void report(StringBuilder out, Map<String, long[]> phases, long buildNanos) {
        out.append(String.format(
                Locale.ROOT, "%nbuild, in-process through the CommandGateway (sendAndWait, one at a time):%n"));
        out.append(String.format(
                Locale.ROOT, "  %-22s %6s %9s %9s %9s %7s%n", "act", "count", "p50 ms", "p99 ms", "max ms", ">1 s"));
        for (String type : ACT_ORDER) {
            List<Long> l = latencies.get(type);
            if (l == null) {
                continue;
            }
            List<Long> sorted = new ArrayList<>(l);
            Collections.sort(sorted);
            long[] t = sorted.stream().mapToLong(Long::longValue).toArray();
            out.append(String.format(
                    Locale.ROOT,
                    "  %-22s %6d %9.1f %9.1f %9.1f %7d%n",
                    type,
                    t.length,
                    ms(rank(t, 50)),
                    ms(rank(t, 99)),
                    ms(t[t.length - 1]),
                    Arrays.stream(t).filter(n -> n > 1_000_000_000L).count()));
        }
        out.append(String.format(Locale.ROOT, "  %-26s %6s %10s %9s%n", "phase", "acts", "wall ms", "acts/s"));
        long total = 0;
        for (Map.Entry<String, long[]> e : phases.entrySet()) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-26s %6d %10.0f %9.1f%n",
                    e.getKey(),
                    e.getValue()[0],
                    ms(e.getValue()[1]),
                    e.getValue()[0] / (e.getValue()[1] / 1e9)));
            total += e.getValue()[0];
        }
        out.append(String.format(
                Locale.ROOT,
                "  %-26s %6d %10.0f %9.1f%n",
                "build total",
                total,
                ms(buildNanos),
                total / (buildNanos / 1e9)));
    }

    /**
     * The 1-minute load average, to tell a quiet machine from a busy one (the figures are only comparable on a quiet
     * one).
     */
    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return String.format(
                    Locale.ROOT,
                    "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    private static String heap() {
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        return String.format(
                Locale.ROOT,
                "%d MB (before a full GC), %d MB (after System.gc()); committed %d MB, max %d MB",
                before >> 20,
                after >> 20,
                rt.totalMemory() >> 20,
                rt.maxMemory() >> 20);
    }

    /** Nearest-rank percentile of an ascending array. */
    static long rank(long[] sorted, int percentile) {
        int r = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, r - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
