package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.goldenthread.infra.web.BoardStreams;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On demand: 30 screens on one board (a workshop's 60 statements in 10 themes), 40 renames 250 ms apart; for every
 * rename and every screen, the time from the rename's answer to that screen receiving the renamed board.
 * {@code mvn -pl infra test -Dgroups=benchmark -DexcludedGroups= -Dtest=BoardStreamBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("benchmark")
class BoardStreamBenchmark {

    static final int SCREENS = 30;
    static final int RENAMES = 40;
    private static final Pattern TITLE = Pattern.compile("\"title\":\"Rename ([0-9]+)\"");

    @TempDir
    Path data;

    @Test
    void thirty_screens_follow_forty_renames() throws Exception {
        try (RunningApp app = RunningApp.start(data)) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            List<String> themes = new ArrayList<>();
            for (int t = 0; t < 10; t++) {
                List<String> ids = new ArrayList<>();
                for (int p = 0; p < 3; p++) {
                    ids.addAll(w.review(
                            "P-" + t + "-" + p,
                            "NOT_WORKING",
                            1,
                            "I have only one friend, says person " + t + "-" + p,
                            "NOT_WORKING",
                            2,
                            "I don't like what I do during the day, says person " + t + "-" + p));
                }
                themes.add(w.theme("NOT_WORKING", "Theme " + t, ids));
            }
            String stream = "http://127.0.0.1:" + app.port() + "/api/programmes/" + w.id + "/boards/NOT_WORKING/stream";
            String auth = "Basic "
                    + Base64.getEncoder()
                            .encodeToString(("auditor:" + org.goldenthread.infra.support.TestUsers.password("auditor"))
                                    .getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            // receivedAt[screen][rename] in nanoseconds
            long[][] receivedAt = new long[SCREENS][RENAMES + 1];
            for (int s = 0; s < SCREENS; s++) {
                int screen = s;
                HttpResponse<InputStream> r = http.send(
                        HttpRequest.newBuilder(URI.create(stream))
                                .header("Authorization", auth)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                Thread t = new Thread(() -> {
                    try (BufferedReader in =
                            new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = in.readLine()) != null) {
                            long now = System.nanoTime();
                            Matcher m = TITLE.matcher(line);
                            while (line.startsWith("data:") && m.find()) {
                                int n = Integer.parseInt(m.group(1));
                                if (receivedAt[screen][n] == 0) {
                                    receivedAt[screen][n] = now;
                                }
                            }
                        }
                    } catch (Exception e) {
                        // closed
                    }
                });
                t.setDaemon(true);
                t.start();
            }
            BoardStreams streams = app.bean(BoardStreams.class);
            while (streams.screens() < SCREENS) {
                Thread.sleep(10);
            }
            Thread.sleep(1000);
            long[] answeredAt = new long[RENAMES + 1];
            Map<Integer, Long> actMs = new ConcurrentHashMap<>();
            for (int n = 1; n <= RENAMES; n++) {
                long start = System.nanoTime();
                assertThat(w.put(
                                        "/boards/NOT_WORKING/themes/" + themes.get(n % themes.size()) + "/title",
                                        Map.of("title", "Rename " + n))
                                .status())
                        .isEqualTo(204);
                answeredAt[n] = System.nanoTime();
                actMs.put(n, (answeredAt[n] - start) / 1_000_000);
                Thread.sleep(250);
            }
            Thread.sleep(2000);
            List<Double> latencies = new ArrayList<>();
            int missing = 0;
            for (int s = 0; s < SCREENS; s++) {
                for (int n = 1; n <= RENAMES; n++) {
                    if (receivedAt[s][n] == 0) {
                        missing++;
                    } else {
                        latencies.add((receivedAt[s][n] - answeredAt[n]) / 1e6);
                    }
                }
            }
            latencies.sort(Double::compare);
            List<Long> acts = actMs.values().stream().sorted().toList();
            System.out.printf(
                    Locale.ROOT,
                    "%nBoardStreamBenchmark: %d screens, %d renames 250 ms apart, board of 60 statements "
                            + "in 10 themes%n",
                    SCREENS,
                    RENAMES);
            System.out.printf(
                    Locale.ROOT,
                    "  updates delivered %d of %d (missing %d)%n",
                    latencies.size(),
                    SCREENS * RENAMES,
                    missing);
            System.out.printf(
                    Locale.ROOT,
                    "  act answer -> screen: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    pct(latencies, 50),
                    pct(latencies, 90),
                    pct(latencies, 99),
                    latencies.get(latencies.size() - 1));
            System.out.printf(
                    Locale.ROOT,
                    "  rename answered in: p50 %d ms, max %d ms%n%n",
                    acts.get(acts.size() / 2),
                    acts.get(acts.size() - 1));
            assertThat(missing).isZero();
        }
    }

    static double pct(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
