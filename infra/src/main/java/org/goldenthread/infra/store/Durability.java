package org.goldenthread.infra.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An act is durable before it is acknowledged.
 *
 * <ul>
 *   <li>Embedded H2 (the default): the database runs with {@code WRITE_DELAY=0}, so a commit is written to the file
 *       before the command returns (it survives the process being killed); and after each command's commit the file
 *       is forced to the device ({@code CHECKPOINT SYNC}, an fsync) before the act is answered, so it survives a power
 *       cut too. Concurrent acts share one fsync (group commit): an act waits for the first sync that starts after its
 *       own commit. {@code goldenthread.durability.sync-on-commit=false} turns the fsync off (process crashes
 * only).</li>
 *   <li>PostgreSQL: its own commit is durable ({@code synchronous_commit=on}, the server's default); nothing is
 * added.</li>
 *   <li>Axon Server: it acknowledges an append once stored; nothing is added.</li>
 * </ul>
 * The per-person keys that seal statements are made durable by the vault before the statement's event is appended
 * (see {@link ReadStoreConfiguration.ReadStoreSync}).
 */
@Component
public class Durability {

    private static final Logger log = LoggerFactory.getLogger(Durability.class);

    private final DataSource dataSource;
    private final boolean syncEmbedded;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition done = lock.newCondition();
    private long requested;
    private long synced;
    private boolean syncing;

    public Durability(
            DataSource dataSource,
            @Value("${spring.datasource.url:}") String url,
            @Value("${axon.axonserver.enabled:false}") boolean axonServer,
            @Value("${goldenthread.durability.sync-on-commit:true}") boolean syncOnCommit) {
        this.dataSource = dataSource;
        this.syncEmbedded = syncOnCommit && !axonServer && url.startsWith("jdbc:h2:file:");
        log.info(
                "Durability: {}",
                syncEmbedded
                        ? "embedded H2, WRITE_DELAY=0 and an fsync before each act is answered"
                        : axonServer
                                ? "Axon Server acknowledges stored appends"
                                : url.startsWith("jdbc:h2:")
                                        ? "embedded H2, WRITE_DELAY=0 (fsync on commit off)"
                                        : "the database's own durable commit");
    }

    public boolean syncsOnCommit() {
        return syncEmbedded;
    }

    /**
     * A command handler interceptor: once a command that appended events has committed, force them to the device —
     * in the unit of work's clean-up, after the programme's lock is released (clean-up runs its handlers in reverse,
     * and this one is registered before the command takes the lock), so the acts of one programme share fsyncs too.
     */
    public MessageHandlerInterceptor<CommandMessage<?>> afterCommit() {
        return new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                if (!syncEmbedded) {
                    return chain.proceed();
                }
                java.util.concurrent.atomic.AtomicBoolean committed = new java.util.concurrent.atomic.AtomicBoolean();
                unitOfWork.onCleanup(u -> {
                    if (committed.get()) {
                        sync();
                    }
                });
                Object result = chain.proceed();
                if (Refusals.eventsStaged(unitOfWork.root())) {
                    unitOfWork.afterCommit(u -> committed.set(true));
                }
                return result;
            }
        };
    }

    /**
     * Returns once an fsync that started after this call has completed (one fsync serves every caller waiting for it).
     */
    public void sync() {
        lock.lock();
        try {
            long ticket = ++requested;
            while (synced < ticket) {
                if (syncing) {
                    done.awaitUninterruptibly();
                    continue;
                }
                syncing = true;
                long upTo = requested;
                lock.unlock();
                boolean forced = false;
                try {
                    forceToDevice();
                    forced = true;
                } finally {
                    lock.lock();
                    syncing = false;
                    if (forced) {
                        synced = Math.max(synced, upTo);
                    }
                    done.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void forceToDevice() {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot force the event store to disk", e);
        }
    }
}
