package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.vote.VoteCast;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole workshop, over HTTP, against the real app on the file-backed embedded stores (H2 file for
 * events, mongo-java-server file for read models): launch and register 30 participants, record 100
 * people's reviews (600 statements), theme them on the three boards, then 30 participants vote at once.
 * Prints latency per act type and throughput per phase; asserts only correctness (every act succeeded,
 * no vote lost or double counted), never timings.
 *
 * <p>On demand: {@code mvn -o -pl infra test -Dgroups=benchmark -DexcludedGroups= -Dtest=WorkshopBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class WorkshopBenchmark {

    static final int PARTICIPANTS = 30;
    static final int PEOPLE = 100;
    static final int THEME_SIZE = 10;
    static final int VOTES_EACH = 3;
    static final int SELECT_TOP = 5;
    static final String[] PERSPECTIVES = {"PERSON", "COMMISSIONER", "PROVIDER"};
    /** Positions (within a board's statements) parked before theming and unparked when their turn comes. */
    static final Set<Integer> PARK_AT = Set.of(3, 47, 121, 188);
    /** Themes (by index on each board) renamed once the board is themed. */
    static final int[] RENAME_AT = {0, 7, 13};

    static final List<String> ACT_ORDER = List.of(
            "LaunchProgramme",
            "RegisterParticipant",
            "RecordReview",
            "CreateTheme",
            "ClusterStatement",
            "ParkStatement",
            "UnparkStatement",
            "RenameTheme",
            "OpenVoting",
            "CastVote",
            "CastVote refused",
            "CloseVoting");

    @TempDir
    Path data;

    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    /** Latencies of the GET polls on the voting view: a read-side baseline, not an act. */
    private final List<Long> reads = new CopyOnWriteArrayList<>();

    @Test
    void a_workshop_of_100_reviews_and_30_voters_over_http() throws Exception {
        long bootStart = System.nanoTime();
        // e.g. -Dbenchmark.settings=goldenthread.durability.sync-on-commit=false to measure without the fsync
        String[] settings = System.getProperty("benchmark.settings", "").isBlank()
                ? new String[0]
                : System.getProperty("benchmark.settings").split(",");
        try (RunningApp app = RunningApp.start(data, settings)) {
            long bootNanos = System.nanoTime() - bootStart;
            Api facilitator = app.api("facilitator");

            // ---- 1. Prepare: launch, register 30 participants
            long prepStart = System.nanoTime();
            Response launched = act(
                    "LaunchProgramme",
                    () -> facilitator.post(
                            "/api/programmes",
                            Map.of(
                                    "purpose",
                                    "We are using WTfC to hear older people so that support keeps " + "them connected",
                                    "level",
                                    "SERVICE",
                                    "samplePlan",
                                    Map.of(
                                            "what",
                                            "person-centred reviews",
                                            "how",
                                            "three questions",
                                            "who",
                                            "older people",
                                            "where",
                                            "day centres",
                                            "when",
                                            "spring",
                                            "quantity",
                                            PEOPLE,
                                            "populationSize",
                                            480))));
            String p = need(launched, "programmeId");
            String prog = "/api/programmes/" + p;
            List<String> participants = new ArrayList<>();
            for (int i = 0; i < PARTICIPANTS; i++) {
                String name = "Participant " + (i + 1);
                String perspective = PERSPECTIVES[i % PERSPECTIVES.length];
                Response r = act(
                        "RegisterParticipant",
                        () -> facilitator.post(
                                prog + "/participants", Map.of("name", name, "perspective", perspective)));
                participants.add(need(r, "participantId"));
            }
            long prepNanos = System.nanoTime() - prepStart;

            // ---- 2. Collect: 100 reviews x 6 statements, sequentially
            Map<Category, List<String>> statementsOn = new EnumMap<>(Category.class);
            for (Category c : Category.values()) {
                statementsOn.put(c, new ArrayList<>());
            }
            long collectStart = System.nanoTime();
            for (int person = 1; person <= PEOPLE; person++) {
                List<Map<String, Object>> statements = new ArrayList<>();
                List<Category> cats = new ArrayList<>();
                for (Category c : Category.values()) {
                    for (int priority = 1; priority <= 2; priority++) {
                        statements.add(
                                Map.of("category", c.name(), "priority", priority, "text", words(c, person, priority)));
                        cats.add(c);
                    }
                }
                String pseudonym = "P-" + person;
                Response r = act(
                        "RecordReview",
                        () -> facilitator.post(
                                prog + "/reviews", Map.of("person", pseudonym, "statements", statements)));
                JsonNode ids = r.json().get("statementIds");
                if (ids == null || ids.size() != statements.size()) {
                    throw new AssertionError("RecordReview for " + pseudonym + " answered " + r);
                }
                for (int k = 0; k < ids.size(); k++) {
                    statementsOn.get(cats.get(k)).add(ids.get(k).asText());
                }
            }
            long collectNanos = System.nanoTime() - collectStart;

            // ---- 3. Theme: ~10 statements a theme, park/unpark a few, rename a few
            Map<Category, List<String>> themesOn = new EnumMap<>(Category.class);
            long themeStart = System.nanoTime();
            for (Category c : Category.values()) {
                String board = prog + "/boards/" + c.name();
                List<String> ids = statementsOn.get(c);
                for (int at : PARK_AT) {
                    act("ParkStatement", () -> facilitator.post(board + "/parked", Map.of("statementId", ids.get(at))));
                }
                List<String> themes = new ArrayList<>();
                String current = null;
                for (int i = 0; i < ids.size(); i++) {
                    String statementId = ids.get(i);
                    if (PARK_AT.contains(i)) {
                        act("UnparkStatement", () -> facilitator.delete(board + "/parked/" + statementId, null));
                    }
                    if (i % THEME_SIZE == 0) {
                        String title = themeTitle(c, themes.size());
                        Response r = act(
                                "CreateTheme",
                                () -> facilitator.post(
                                        board + "/themes",
                                        Map.of("title", title, "statementIds", List.of(statementId))));
                        current = need(r, "themeId");
                        themes.add(current);
                    } else {
                        String themeId = current;
                        act(
                                "ClusterStatement",
                                () -> facilitator.post(
                                        board + "/themes/" + themeId + "/statements",
                                        Map.of("statementId", statementId)));
                    }
                }
                for (int t : RENAME_AT) {
                    String themeId = themes.get(t);
                    String title = themeTitle(c, t) + ", most days";
                    act(
                            "RenameTheme",
                            () -> facilitator.put(board + "/themes/" + themeId + "/title", Map.of("title", title)));
                }
                themesOn.put(c, themes);
            }
            long themeNanos = System.nanoTime() - themeStart;

            // ---- 4. Vote: open, then 30 participants vote at once (as facilitator for each)
            List<String> notWorking = themesOn.get(Category.NOT_WORKING);
            long voteStart = System.nanoTime();
            Response opened = act(
                    "OpenVoting",
                    () -> facilitator.post(
                            prog + "/votings", Map.of("votesPerParticipant", VOTES_EACH, "selectTop", SELECT_TOP)));
            long openNanos = System.nanoTime() - voteStart;
            String voting = prog + "/votings/" + need(opened, "votingId");

            Map<String, Integer> expected = new LinkedHashMap<>();
            notWorking.forEach(t -> expected.put(t, 0));
            List<List<String>> choices = new ArrayList<>();
            for (int i = 0; i < PARTICIPANTS; i++) {
                List<String> mine = choices(notWorking, i);
                mine.forEach(t -> expected.merge(t, 1, Integer::sum));
                choices.add(mine);
            }

            ExecutorService pool = Executors.newFixedThreadPool(PARTICIPANTS);
            CountDownLatch ready = new CountDownLatch(PARTICIPANTS);
            CountDownLatch go = new CountDownLatch(1);
            AtomicLong lastVoteReturned = new AtomicLong(Long.MIN_VALUE);
            List<Future<?>> voters = new ArrayList<>();
            for (int i = 0; i < PARTICIPANTS; i++) {
                String participantId = participants.get(i);
                List<String> mine = choices.get(i);
                Api own = app.api("facilitator");
                voters.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    for (int k = 0; k < mine.size(); k++) {
                        String themeId = mine.get(k);
                        act(
                                "CastVote",
                                () -> own.post(
                                        voting + "/votes", Map.of("participantId", participantId, "themeId", themeId)));
                        if (k == 0) {
                            // a raced second tap on the same theme: refused (each vote for a different theme)
                            refused(
                                    "CastVote refused",
                                    () -> own.post(
                                            voting + "/votes",
                                            Map.of("participantId", participantId, "themeId", themeId)));
                        }
                        long now = System.nanoTime();
                        lastVoteReturned.accumulateAndGet(now, Math::max);
                    }
                    // a fourth vote: refused (three each)
                    refused(
                            "CastVote refused",
                            () -> own.post(
                                    voting + "/votes",
                                    Map.of(
                                            "participantId",
                                            participantId,
                                            "themeId",
                                            notWorking.get(
                                                    (participants.indexOf(participantId) + 7) % notWorking.size()))));
                    return null;
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS))
                    .as("voter threads ready")
                    .isTrue();
            long burstStart = System.nanoTime();
            go.countDown();
            for (Future<?> voter : voters) {
                try {
                    voter.get(120, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add("CastVote thread failed: " + e.getCause());
                }
            }
            pool.shutdown();
            long burstNanos = lastVoteReturned.get() - burstStart;

            // projection catch-up: from the last vote's response until the read model shows all 90
            int allVotes = PARTICIPANTS * VOTES_EACH;
            long pollStart = System.nanoTime();
            JsonNode atNinety =
                    poll(facilitator, voting, v -> v.get("votesCast").asInt() == allVotes, Duration.ofSeconds(60));
            long seenAt = System.nanoTime();
            long catchUpNanos = seenAt - lastVoteReturned.get();
            long pollNanos = seenAt - pollStart;

            long closeStart = System.nanoTime();
            act("CloseVoting", () -> facilitator.post(voting + "/close", null));
            long closeNanos = System.nanoTime() - closeStart;
            JsonNode closed = poll(
                    facilitator, voting, v -> "CLOSED".equals(v.get("status").asText()), Duration.ofSeconds(60));

            long voteEventsStored = app.bean(EventStore.class)
                    .readEvents(p, 0L)
                    .asStream()
                    .filter(e -> VoteCast.class.equals(e.getPayloadType()))
                    .count();

            // ---- report
            long voteNanos = openNanos + burstNanos + closeNanos;
            report(bootNanos, prepNanos, collectNanos, themeNanos, voteNanos, burstNanos, catchUpNanos, pollNanos);

            // ---- checks: every act succeeded; no vote lost or double counted
            assertThat(failures).as("non-2xx or failed acts").isEmpty();
            assertThat(voteEventsStored)
                    .as("VoteCast events in the event store")
                    .isEqualTo(allVotes);
            assertThat(atNinety).as("read model at 90 votes").isNotNull();
            assertThat(atNinety.get("participantsVoted").asInt())
                    .as("participantsVoted (open)")
                    .isEqualTo(PARTICIPANTS);
            assertThat(tallies(atNinety.get("tallies")))
                    .as("tallies while open")
                    .isEqualTo(expected);
            assertThat(closed).as("read model closed").isNotNull();
            assertThat(closed.get("votesCast").asInt()).as("votesCast").isEqualTo(allVotes);
            assertThat(closed.get("participantsVoted").asInt())
                    .as("participantsVoted")
                    .isEqualTo(PARTICIPANTS);
            assertThat(tallies(closed.get("tallies"))).as("tallies after close").isEqualTo(expected);
            Map<String, Integer> ranked = new HashMap<>();
            closed.get("ranking")
                    .forEach(r ->
                            ranked.put(r.get("themeId").asText(), r.get("votes").asInt()));
            assertThat(ranked).as("ranking votes after close").isEqualTo(expected);
        }
    }

    // ---- the workshop's words and choices

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
                        "I want to cook my own tea", "I would like to help at the school",
                        "I want to visit my sister in Leeds", "I want to be able to get out in the evenings",
                        "I would like a job, even a few hours", "I want a garden I can sit in"
                    });

    private static final String[] WHEN = {
        "",
        " since I moved",
        " these days",
        " at the weekends",
        " in the winter",
        " now my husband has died",
        " since my fall",
        " when it rains",
        " after the centre closes",
        " most weeks",
        " now I'm older",
        " like I used to"
    };

    /** First-person, varied: a phrase of the category plus a person-specific tail. */
    static String words(Category c, int person, int priority) {
        String[] pool = WORDS.get(c);
        String phrase = pool[(person * 2 + priority + c.ordinal() * 5) % pool.length];
        return phrase + WHEN[(person * 7 + priority * 3) % WHEN.length] + (person % 9 == 0 ? " (said twice)" : "");
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

    /**
     * Three distinct themes per participant, from three disjoint slices of the board so they never
     * repeat: the first five themes draw the most votes, as in a real room.
     */
    static List<String> choices(List<String> themes, int participant) {
        int n = themes.size();
        if (n < 12) {
            throw new IllegalStateException("need at least 12 NOT_WORKING themes, have " + n);
        }
        int first = participant % 5;
        int second = 5 + participant % 7;
        int third = 12 + participant % (n - 12);
        return List.of(themes.get(first), themes.get(second), themes.get(third));
    }

    // ---- acting and timing

    private Response act(String type, Supplier<Response> call) {
        long start = System.nanoTime();
        Response r;
        try {
            r = call.get();
        } catch (RuntimeException e) {
            long nanos = System.nanoTime() - start;
            latencies
                    .computeIfAbsent(type, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add(nanos);
            failures.add(type + " threw " + e);
            throw e;
        }
        long nanos = System.nanoTime() - start;
        latencies
                .computeIfAbsent(type, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(nanos);
        if (r.status() < 200 || r.status() > 299) {
            failures.add(type + " -> " + r);
        }
        return r;
    }

    /** An act the method refuses (409), timed like any other. */
    private Response refused(String type, Supplier<Response> call) {
        long start = System.nanoTime();
        Response r = call.get();
        latencies
                .computeIfAbsent(type, k -> Collections.synchronizedList(new ArrayList<>()))
                .add(System.nanoTime() - start);
        if (r.status() != 409) {
            failures.add(type + " expected 409 -> " + r);
        }
        return r;
    }

    private String need(Response r, String field) {
        JsonNode value = r.status() / 100 == 2 ? r.json().get(field) : null;
        if (value == null) {
            throw new AssertionError(
                    "expected '" + field + "' in the answer; got " + r + "; failures so far: " + failures);
        }
        return value.asText();
    }

    private JsonNode poll(Api api, String path, java.util.function.Predicate<JsonNode> condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Response last = null;
        while (System.nanoTime() < deadline) {
            long start = System.nanoTime();
            last = api.get(path);
            reads.add(System.nanoTime() - start);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("condition not reached within " + within + " on " + path + "; last answer: " + last);
    }

    private static Map<String, Integer> tallies(JsonNode tallies) {
        Map<String, Integer> out = new LinkedHashMap<>();
        tallies.forEach(t -> out.put(t.get("themeId").asText(), t.get("votes").asInt()));
        return out;
    }

    // ---- report

    private void report(
            long boot, long prep, long collect, long theme, long vote, long burst, long catchUp, long poll) {
        StringBuilder out = new StringBuilder();
        out.append("\n==== WorkshopBenchmark: file-backed embedded stores (H2 events, mongo-java-server read models), ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" CPUs ====\n");
        out.append(String.format(Locale.ROOT, "app start: %.0f ms%n", ms(boot)));
        out.append(String.format(Locale.ROOT, "%-20s %6s %9s %9s %9s%n", "act", "count", "p50 ms", "p99 ms", "max ms"));
        for (String type : ACT_ORDER) {
            List<Long> l = latencies.get(type);
            if (l == null) {
                continue;
            }
            List<Long> sorted;
            synchronized (l) {
                sorted = new ArrayList<>(l);
            }
            Collections.sort(sorted);
            out.append(String.format(
                    Locale.ROOT,
                    "%-20s %6d %9.1f %9.1f %9.1f%n",
                    type,
                    sorted.size(),
                    ms(nearestRank(sorted, 50)),
                    ms(nearestRank(sorted, 99)),
                    ms(sorted.get(sorted.size() - 1))));
        }
        if (!reads.isEmpty()) {
            List<Long> sorted = new ArrayList<>(reads);
            Collections.sort(sorted);
            out.append(String.format(
                    Locale.ROOT,
                    "%-20s %6d %9.1f %9.1f %9.1f%n",
                    "(GET voting, polls)",
                    sorted.size(),
                    ms(nearestRank(sorted, 50)),
                    ms(nearestRank(sorted, 99)),
                    ms(sorted.get(sorted.size() - 1))));
        }
        int prepActs = count("LaunchProgramme") + count("RegisterParticipant");
        int collectActs = count("RecordReview");
        int themeActs = count("CreateTheme")
                + count("ClusterStatement")
                + count("ParkStatement")
                + count("UnparkStatement")
                + count("RenameTheme");
        int voteActs = count("OpenVoting") + count("CastVote") + count("CloseVoting");
        out.append(String.format(Locale.ROOT, "%-28s %6s %10s %9s%n", "phase", "acts", "wall ms", "acts/s"));
        out.append(phase("prepare", prepActs, prep));
        out.append(phase("collect", collectActs, collect));
        out.append(phase("theme", themeActs, theme));
        out.append(phase("vote (open+burst+close)", voteActs, vote));
        out.append(phase("  vote burst (30 threads)", count("CastVote"), burst));
        out.append(phase(
                "overall (sum of phases)",
                prepActs + collectActs + themeActs + voteActs,
                prep + collect + theme + vote));
        out.append(String.format(
                Locale.ROOT,
                "projection catch-up: read model showed all %d votes %.1f ms after the last vote returned"
                        + " (polling took %.1f ms after the burst ended)%n",
                PARTICIPANTS * VOTES_EACH,
                ms(catchUp),
                ms(poll)));
        out.append(String.format(Locale.ROOT, "non-2xx / failed acts: %d%n", failures.size()));
        failures.stream().limit(20).forEach(f -> out.append("  ").append(f).append('\n'));
        System.out.println(out);
    }

    private int count(String type) {
        List<Long> l = latencies.get(type);
        return l == null ? 0 : l.size();
    }

    private static String phase(String name, int acts, long nanos) {
        return String.format(Locale.ROOT, "%-28s %6d %10.0f %9.1f%n", name, acts, ms(nanos), acts / (nanos / 1e9));
    }

    /** Nearest-rank percentile of an ascending list. */
    static long nearestRank(List<Long> sorted, int percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
