package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.ChildService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An acknowledged act survives a crash. The service runs as a child process on the embedded default stores;
 * several writers record reviews (each sealing words under a new person's key) and create themes; the process is
 * killed with SIGKILL mid-stream, restarted, killed again while its projections are still catching up, and
 * restarted. Every act that was answered 2xx is then in the event store and, once caught up, in the views — each
 * statement once, with its words readable (its key survived too).
 */
class CrashTest {

    private static final int WRITERS = 4;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path dir;

    /** What the writers got a 2xx for: statement id → words, theme id → programme. */
    private final Map<String, String> statements = new ConcurrentHashMap<>();

    private final Map<String, String> programmeOfStatement = new ConcurrentHashMap<>();
    private final Map<String, String> themes = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();

    @Test
    void every_acknowledged_act_survives_two_kills() throws Exception {
        Path data = dir.resolve("data");
        List<String> programmes = new ArrayList<>();
        try (ChildService first = ChildService.start(data)) {
            Api api = first.api("facilitator");
            for (int w = 0; w < WRITERS; w++) {
                programmes.add(api.post(
                                "/api/programmes",
                                Map.of("purpose", "We are using WTfC to listen so that we change", "level", "SERVICE"))
                        .json()
                        .get("programmeId")
                        .asText());
            }
            writeThenKill(first, programmes, 0, 60);
        }
        int afterFirst = acknowledged.get();
        try (ChildService second = ChildService.start(data)) {
            // the second kill comes while the projections are still catching up after the first
            writeThenKill(second, programmes, 1, 15);
        }
        assertThat(acknowledged.get()).isGreaterThan(afterFirst);
        assertThat(statements).hasSizeGreaterThan(20);

        try (ChildService third = ChildService.start(data, "goldenthread.read-your-writes.max-wait=PT20S")) {
            Api api = third.api("auditor");
            long head = third.headPosition();
            for (String p : programmes) {
                Map<String, Integer> seen = new HashMap<>();
                Map<String, String> words = new HashMap<>();
                List<String> themeIds = new ArrayList<>();
                for (String category : List.of("NOT_WORKING", "WORKING")) {
                    // the views catch up from what survived the kills: wait as a client would, on 503 and Retry-After
                    Response r = api.get("/api/programmes/" + p + "/boards/" + category + "?minPosition=" + head);
                    long deadline =
                            System.nanoTime() + java.time.Duration.ofMinutes(3).toNanos();
                    while (r.status() == 503 && System.nanoTime() < deadline) {
                        r = api.get("/api/programmes/" + p + "/boards/" + category + "?minPosition=" + head);
                    }
                    assertThat(r.status()).as(r.toString()).isEqualTo(200);
                    JsonNode board = r.json();
                    List<JsonNode> placed = new ArrayList<>();
                    board.get("unclustered").forEach(placed::add);
                    board.get("parked").forEach(placed::add);
                    board.get("themes").forEach(t -> {
                        themeIds.add(t.get("themeId").asText());
                        t.get("statements").forEach(placed::add);
                    });
                    for (JsonNode s : placed) {
                        seen.merge(s.get("statementId").asText(), 1, Integer::sum);
                        words.put(s.get("statementId").asText(), s.get("text").asText());
                    }
                }
                statements.forEach((id, text) -> {
                    if (p.equals(programmeOfStatement.get(id))) {
                        assertThat(seen.get(id))
                                .as("statement %s of programme %s on its board once", id, p)
                                .isEqualTo(1);
                        assertThat(words.get(id)).as("the words of %s", id).isEqualTo(text);
                    }
                });
                assertThat(seen.values()).allMatch(n -> n == 1);
                // the hash chain holds across both kills: a restart continues it from what was stored
                JsonNode chain =
                        api.get("/api/programmes/" + p + "/audit/verify").json();
                assertThat(chain.get("verified").asBoolean())
                        .as(chain.toString())
                        .isTrue();
                themes.forEach((theme, programme) -> {
                    if (programme.equals(p)) {
                        assertThat(themeIds).contains(theme);
                    }
                });
            }
        }

        // and in the event store itself, read with the service stopped
        Map<String, Integer> recorded = new HashMap<>();
        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + data.toAbsolutePath().resolve("events"), "sa", "");
                ResultSet rs = c.createStatement()
                        .executeQuery(
                                "SELECT payload FROM DomainEventEntry WHERE payloadType LIKE '%StatementRecorded'")) {
            while (rs.next()) {
                JsonNode payload = Api.JSON.readTree(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                recorded.merge(payload.get("statementId").asText(), 1, Integer::sum);
            }
        }
        assertThat(recorded.keySet()).containsAll(statements.keySet());
        assertThat(recorded.values()).allMatch(n -> n == 1);
    }

    /** Runs the writers against the service and kills it with SIGKILL once {@code acts} more acts were acknowledged. */
    private void writeThenKill(ChildService service, List<String> programmes, int round, int acts) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        AtomicInteger started = new AtomicInteger();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            pool.submit(() -> write(service.api("facilitator"), programmes.get(writer), round, writer, stop, started));
        }
        int before = acknowledged.get();
        long deadline = System.currentTimeMillis() + 60_000;
        while (acknowledged.get() < before + acts && System.currentTimeMillis() < deadline) {
            Thread.sleep(2);
        }
        service.kill();
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
    }

    private void write(Api api, String programmeId, int round, int writer, AtomicBoolean stop, AtomicInteger started) {
        started.incrementAndGet();
        for (int i = 0; !stop.get(); i++) {
            String person = "P-" + round + "-" + writer + "-" + i;
            String nw = "I have only one friend (" + person + ")";
            String wk = "Going out shopping with Ana (" + person + ")";
            Response review;
            try {
                review = api.post(
                        "/api/programmes/" + programmeId + "/reviews",
                        Map.of(
                                "person",
                                person,
                                "statements",
                                List.of(
                                        Map.of("category", "NOT_WORKING", "priority", 1, "text", nw),
                                        Map.of("category", "WORKING", "priority", 1, "text", wk))));
            } catch (RuntimeException e) {
                return; // the service is gone
            }
            if (review.status() != 201) {
                continue;
            }
            acknowledged.incrementAndGet();
            List<String> ids = new ArrayList<>();
            review.json().get("statementIds").forEach(n -> ids.add(n.asText()));
            statements.put(ids.get(0), nw);
            statements.put(ids.get(1), wk);
            programmeOfStatement.put(ids.get(0), programmeId);
            programmeOfStatement.put(ids.get(1), programmeId);
            if (i % 3 == 0) {
                try {
                    Response theme = api.post(
                            "/api/programmes/" + programmeId + "/boards/NOT_WORKING/themes",
                            Map.of("title", "I am lonely " + person, "statementIds", List.of(ids.get(0))));
                    if (theme.status() == 201) {
                        acknowledged.incrementAndGet();
                        themes.put(theme.json().get("themeId").asText(), programmeId);
                    }
                } catch (RuntimeException e) {
                    return;
                }
            }
        }
    }
}
