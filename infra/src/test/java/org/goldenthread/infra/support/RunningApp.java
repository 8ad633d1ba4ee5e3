package org.goldenthread.infra.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.goldenthread.infra.GoldenThreadApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The real application on the embedded stores (or those given), on a random port. */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    /** Shared by every user's client of this app: the latest write's position, and every exchange. */
    private final AtomicLong position = new AtomicLong(-1);

    private final List<Api.Exchange> exchanges = new CopyOnWriteArrayList<>();

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Events in an H2 file and read models in a mongo-java-server file, both under {@code dataDir}. */
    public static RunningApp start(Path dataDir, String... extraProperties) {
        // as command-line arguments, so they win over application.yml (builder "properties" are mere defaults)
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--goldenthread.data-dir=" + dataDir.toAbsolutePath(),
                "--axon.axonserver.servers=",
                "--spring.main.banner-mode=off"));
        for (String property : TestUsers.properties(extraProperties)) {
            args.add("--" + property);
        }
        for (String property : extraProperties) {
            args.add("--" + property);
        }
        ConfigurableApplicationContext ctx =
                new SpringApplicationBuilder(GoldenThreadApplication.class).run(args.toArray(String[]::new));
        return new RunningApp(ctx);
    }

    /**
     * From now on, every client of this app reads at least the head of the event store as it is now: for acts not
     * sent over HTTP by these clients (the demo loader, an earlier run on the same data, a replay).
     */
    public RunningApp readFromHead() {
        org.axonframework.eventhandling.TrackingToken head =
                bean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                        .createHeadToken();
        long at = head == null ? -1 : head.position().orElse(-1);
        position.accumulateAndGet(at, Math::max);
        return this;
    }

    /**
     * Waits until the event store's head has not moved for a second (an act a client gave up on may still commit on
     * the server after the client stopped), then reads from that head.
     */
    public RunningApp readFromSettledHead() throws InterruptedException {
        org.axonframework.eventsourcing.eventstore.EventStore events =
                bean(org.axonframework.eventsourcing.eventstore.EventStore.class);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        Object before = events.createHeadToken();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            Object now = events.createHeadToken();
            if (java.util.Objects.equals(before, now)) {
                break;
            }
            before = now;
        }
        return readFromHead();
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public Api api(String user) {
        return new Api(port(), user, position, exchanges);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    /**
     * Closes the app — after checking every exchange its clients made against the OpenAPI document it publishes
     * (see {@link Contract}); a violation fails the test that used the app.
     */
    @Override
    public void close() {
        List<String> violations = List.of();
        try {
            if (!exchanges.isEmpty()) {
                Api.Response docs = new Api(port(), "admin").get("/v3/api-docs");
                if (docs.status() != 200) {
                    docs = new Api(port(), null)
                            .get("/v3/api-docs"); // Basic off, or throttled: the document is then public
                }
                violations = Contract.violations(docs.body(), exchanges);
            }
        } finally {
            context.close();
        }
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " exchange(s) differ from /v3/api-docs:\n"
                    + String.join("\n", violations.stream().distinct().limit(60).toList()));
        }
    }
}
