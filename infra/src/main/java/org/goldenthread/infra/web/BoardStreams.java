package org.goldenthread.infra.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.goldenthread.kernel.theme.BoardView;
import org.goldenthread.kernel.theme.FindBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live boards over server-sent events, fanned out without ever holding up the board projection.
 *
 * <p>All screens watching one board share one subscription to the board's updates. An update is turned into JSON
 * once and offered to each screen's own bounded buffer ({@code goldenthread.stream.buffer}, default 32 boards); a
 * sender per screen, on a pool of its own, writes the buffer out. Offering never blocks: a screen whose buffer is
 * full — it stopped reading, or reads slower than the board changes — is dropped with a last event {@code dropped}
 * ("reconnect to get the board again") and its stream is closed, while every other screen and the projection carry on.
 * Each screen gets the board as it is when it connects, then every newer board (an older or repeated one is skipped).
 */
@Component
public class BoardStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BoardStreams.class);
    private final JsonMapper json;
    private final QueryGateway queries;
    private final Duration timeout;
    private final int buffer;
    private final ThreadPoolExecutor senders;
    private final Map<FindBoard, Board> boards = new ConcurrentHashMap<>();

    public BoardStreams(
            QueryGateway queries,
            JsonMapper json,
            @Value("${goldenthread.stream-timeout:PT30M}") Duration timeout,
            @Value("${goldenthread.stream.buffer:32}") int buffer,
            @Value("${goldenthread.stream.max-screens:512}") int maxScreens) {
        this.queries = queries;
        this.json = json;
        this.timeout = timeout;
        this.buffer = buffer;
        AtomicInteger n = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(0, maxScreens, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "board-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One board's shared subscription and its screens. */
    private final class Board {
        final FindBoard query;
        final Set<Screen> screens = new CopyOnWriteArraySet<>();
        volatile SubscriptionQueryResult<BoardView, BoardView> subscription;
        volatile Disposable updates;

        Board(FindBoard query) {
            this.query = query;
        }

        void start() {
            subscription = queries.subscriptionQuery(
                    query, ResponseTypes.instanceOf(BoardView.class), ResponseTypes.instanceOf(BoardView.class));
            updates = subscription
                    .updates()
                    .subscribe(this::publish, e -> log.warn("board stream {} failed: {}", query, e.toString()));
        }

        void publish(BoardView view) {
            Update update = new Update(view.version(), json.writeValueAsString(view));
            for (Screen screen : screens) {
                screen.offer(update);
            }
        }

        void stop() {
            if (updates != null) {
                updates.dispose();
            }
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    record Update(long version, String json) {}

    /** One open stream: its bounded buffer and its sender. */
    final class Screen {
        private final SseEmitter emitter;
        private final BlockingQueue<Update> pending;
        private final AtomicBoolean sending = new AtomicBoolean();
        private final AtomicBoolean dropped = new AtomicBoolean();
        private final Board board;
        private final java.util.function.BooleanSupplier allowed;
        private long sentVersion = -1;
        private String sentJson;

        Screen(SseEmitter emitter, Board board, java.util.function.BooleanSupplier allowed) {
            this.emitter = emitter;
            this.board = board;
            this.allowed = allowed;
            this.pending = new ArrayBlockingQueue<>(buffer);
        }

        /** Never blocks: a full buffer drops the screen. */
        void offer(Update update) {
            if (dropped.get()) {
                return;
            }
            if (!pending.offer(update)) {
                drop();
                return;
            }
            schedule();
        }

        private void schedule() {
            if (sending.compareAndSet(false, true)) {
                try {
                    senders.execute(this::drain);
                } catch (RejectedExecutionException e) {
                    sending.set(false);
                    drop();
                }
            }
        }

        private void drain() {
            try {
                Update next;
                while (!dropped.get() && (next = pending.poll()) != null) {
                    if (next.version() < sentVersion
                            || (next.version() == sentVersion && next.json().equals(sentJson))) {
                        continue;
                    }
                    if (sentVersion >= 0 && !allowed.getAsBoolean()) {
                        // the viewer's access ended (membership revoked): no further board reaches them
                        dropped.set(true);
                        pending.clear();
                        emitter.send(SseEmitter.event()
                                .name("revoked")
                                .data(
                                        "{\"reason\":\"your access to this programme ended\"}",
                                        MediaType.APPLICATION_JSON));
                        emitter.complete();
                        leave(board, this);
                        return;
                    }
                    emitter.send(SseEmitter.event()
                            .name("board")
                            .id(Long.toString(next.version()))
                            .data(next.json(), MediaType.APPLICATION_JSON));
                    sentVersion = next.version();
                    sentJson = next.json();
                }
            } catch (IOException | IllegalStateException e) {
                close();
                return;
            } finally {
                sending.set(false);
            }
            if (!pending.isEmpty() && !dropped.get()) {
                schedule();
            }
        }

        private void drop() {
            if (!dropped.compareAndSet(false, true)) {
                return;
            }
            pending.clear();
            board.screens.remove(this);
            log.info("A screen on board {} stopped reading and was dropped", board.query);
            try {
                senders.execute(() -> {
                    try {
                        emitter.send(SseEmitter.event()
                                .name("dropped")
                                .data(
                                        "{\"reason\":\"this screen fell " + buffer
                                                + " boards behind and was dropped; reconnect to get the board again\"}",
                                        MediaType.APPLICATION_JSON));
                        emitter.complete();
                    } catch (IOException | IllegalStateException e) {
                        emitter.completeWithError(e);
                    }
                });
            } catch (RejectedExecutionException e) {
                emitter.complete();
            }
            leave(board, this);
        }

        private void close() {
            dropped.set(true);
            leave(board, this);
        }
    }

    /**
     * Opens a stream of the board: first the board as {@code current} answers once the screen is listening (so no
     * change between the two is missed), then every newer board.
     */
    public SseEmitter open(FindBoard query, Supplier<BoardView> current) {
        return open(query, current, () -> true);
    }

    /**
     * The same, re-checking {@code allowed} before every board after the first: a viewer whose access ends is sent
     * 'revoked'.
     */
    public SseEmitter open(FindBoard query, Supplier<BoardView> current, java.util.function.BooleanSupplier allowed) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        Board board;
        Screen screen;
        synchronized (this) {
            board = boards.computeIfAbsent(query, Board::new);
            screen = new Screen(emitter, board, allowed);
            board.screens.add(screen);
            if (board.subscription == null) {
                board.start();
            }
        }
        BoardView now;
        try {
            now = current.get();
        } catch (RuntimeException e) {
            screen.close();
            throw e;
        }
        emitter.onCompletion(screen::close);
        emitter.onTimeout(screen::close);
        emitter.onError(e -> screen.close());
        screen.offer(new Update(now.version(), json.writeValueAsString(now)));
        return emitter;
    }

    private synchronized void leave(Board board, Screen screen) {
        board.screens.remove(screen);
        if (board.screens.isEmpty() && boards.remove(board.query, board)) {
            board.stop();
        }
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** On shutdown, streams end first (a screen reconnects elsewhere), so the web server need not wait for them. */
    @Override
    public void stop() {
        running = false;
        List<Board> open;
        synchronized (this) {
            open = List.copyOf(boards.values());
        }
        for (Board board : open) {
            for (Screen screen : board.screens) {
                screen.emitter.complete();
                screen.close();
            }
        }
        senders.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    /** Screens open now, over all boards (for tests and metrics). */
    public int screens() {
        return boards.values().stream().mapToInt(b -> b.screens.size()).sum();
    }
}
