package org.goldenthread.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.infra.GoldenThreadApplication;

/**
 * The service as a child process on a data directory, as it runs in production (its own JVM), so a test can kill
 * it with SIGKILL — no shutdown hook, no flush — and start it again on the same files. Its output goes to
 * {@code service-<n>.log} beside the data directory.
 */
public final class ChildService implements AutoCloseable {

    private final Process process;
    private final int port;

    private ChildService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ChildService start(Path dataDir, String... properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                GoldenThreadApplication.class.getName(),
                "--server.port=" + port,
                "--goldenthread.data-dir=" + dataDir.toAbsolutePath(),
                "--axon.axonserver.servers=",
                "--spring.main.banner-mode=off"));
        for (String p : TestUsers.properties(properties)) {
            command.add("--" + p);
        }
        for (String p : properties) {
            command.add("--" + p);
        }
        try {
            Files.createDirectories(dataDir);
            Path log = dataDir.resolveSibling("service-" + System.nanoTime() + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ChildService child = new ChildService(process, port);
            child.awaitUp(Duration.ofSeconds(90), log);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp(Duration timeout, Path log) throws IOException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited while starting:\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the service did not start within " + timeout + ":\n" + Files.readString(log));
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public Api api(String user) {
        return new Api(port, user);
    }

    /** The position of the last event in the store, from the health endpoint (as an operator would read it). */
    public long headPosition() {
        JsonNode health = api("admin").get("/actuator/health").json();
        return health.get("components")
                .get("eventStore")
                .get("details")
                .get("headPosition")
                .asLong();
    }

    /** SIGKILL: the process ends at once, with nothing flushed and no shutdown hook run. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** SIGTERM: a graceful stop. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
