package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.goldenthread.infra.web.BoardStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live boards: every screen gets every change in order, and a screen that never reads is dropped with a clear last
 * event without slowing the board projection or the other screens.
 */
class BoardStreamHttpTest {

    private static final Pattern TITLE = Pattern.compile("\"title\":\"(Round [0-9]+)\"");
    private static final String AUTH = "Basic "
            + Base64.getEncoder()
                    .encodeToString(("auditor:" + org.goldenthread.infra.support.TestUsers.password("auditor"))
                            .getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path data;

    /** A screen that reads: the titles of the theme in the order its boards arrived. */
    static final class Reader {
        final List<Integer> rounds = new CopyOnWriteArrayList<>();
        final InputStream body;

        Reader(InputStream body) {
            this.body = body;
            Thread t = new Thread(this::read, "sse-reader");
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    Matcher m = TITLE.matcher(line);
                    if (line.startsWith("data:") && m.find()) {
                        rounds.add(Integer.parseInt(m.group(1).substring("Round ".length())));
                    }
                }
            } catch (Exception e) {
                // closed
            }
        }
    }

    @Test
    void a_screen_that_never_reads_is_dropped_and_holds_up_no_one() throws Exception {
        try (RunningApp app =
                RunningApp.start(data, "goldenthread.read-store=memory", "goldenthread.stream.buffer=4")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            List<String> ids = new ArrayList<>();
            String filler = " and the words go on so that each board the screens receive is large".repeat(5);
            for (int i = 0; i < 20; i++) {
                ids.addAll(w.review(
                        "P-" + i,
                        "NOT_WORKING",
                        1,
                        "I have only one friend " + i + filler,
                        "NOT_WORKING",
                        2,
                        "I am bored " + i + filler));
            }
            String theme = w.theme("NOT_WORKING", "Round 0", ids);
            String stream = "/api/programmes/" + w.id + "/boards/NOT_WORKING/stream";

            // a screen that never reads, with a small receive buffer
            Socket stuck = new Socket();
            stuck.setReceiveBufferSize(2048);
            stuck.connect(new InetSocketAddress("127.0.0.1", app.port()));
            stuck.getOutputStream()
                    .write(("GET " + stream + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + AUTH
                                    + "\r\nAccept: text/event-stream\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));

            HttpClient http = HttpClient.newHttpClient();
            List<Reader> readers = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                HttpResponse<InputStream> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + stream))
                                .header("Authorization", AUTH)
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(r.statusCode()).isEqualTo(200);
                readers.add(new Reader(r.body()));
            }
            BoardStreams streams = app.bean(BoardStreams.class);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (streams.screens() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(streams.screens()).isEqualTo(6);

            int rounds = 200;
            for (int n = 1; n <= rounds; n++) {
                assertThat(w.put("/boards/NOT_WORKING/themes/" + theme + "/title", Map.of("title", "Round " + n))
                                .status())
                        .isEqualTo(204);
                // the projection keeps up: the board reads its own write at once (a blocked projection would be 503)
                if (n % 20 == 0) {
                    Response board = w.get("/boards/NOT_WORKING");
                    assertThat(board.status()).as(board.toString()).isEqualTo(200);
                    assertThat(board.json().get("themes").get(0).get("title").asText())
                            .isEqualTo("Round " + n);
                }
            }
            // every reading screen gets the last board, and never an older board after a newer one
            deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (readers.stream().anyMatch(r -> r.rounds.isEmpty() || r.rounds.get(r.rounds.size() - 1) != rounds)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            for (Reader reader : readers) {
                assertThat(reader.rounds).isNotEmpty().endsWith(rounds);
                assertThat(reader.rounds).isSorted();
            }
            // the stuck screen was dropped: reading it now finds the boards it got, then "dropped", then the end
            // (when the service is busy, renames close together make one board, and the socket buffers may still
            // hold all of those: the board keeps changing until the stuck screen's buffer is full)
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            for (int n = rounds + 1; streams.screens() > 5 && System.nanoTime() < deadline; n++) {
                assertThat(w.put("/boards/NOT_WORKING/themes/" + theme + "/title", Map.of("title", "More " + n))
                                .status())
                        .isEqualTo(204);
                Thread.sleep(20);
            }
            assertThat(streams.screens()).isEqualTo(5);
            stuck.setSoTimeout(20_000);
            String received;
            try (InputStream in = stuck.getInputStream()) {
                received = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the stuck screen's stream was not closed");
            }
            assertThat(received).contains("event:dropped").contains("reconnect");
            stuck.close();
        }
    }
}
