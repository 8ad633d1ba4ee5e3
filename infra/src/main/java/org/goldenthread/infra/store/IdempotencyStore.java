package org.goldenthread.infra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The answers to requests sent with an {@code Idempotency-Key}, in the JDBC database beside the events (the H2 file
 * by default, PostgreSQL when configured), so a key is as durable as the acts it guards. One row per user and key:
 * the fingerprint of the request, and once answered its status, headers and body. Rows older than
 * {@code goldenthread.idempotency.ttl} (default 24 h) are forgotten.
 */
@Component
public class IdempotencyStore {

    public static final String TABLE = "idempotency_keys";

    /** A stored request: done (with its answer) or still in progress. */
    public record Entry(String fingerprint, boolean done, int status, String headers, String body) {}

    private final DataSource dataSource;
    private final Duration ttl;
    private final AtomicLong lastPurge = new AtomicLong();

    public IdempotencyStore(DataSource dataSource, @Value("${goldenthread.idempotency.ttl:PT24H}") Duration ttl) {
        this.dataSource = dataSource;
        this.ttl = ttl;
        execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (scope VARCHAR(400) NOT NULL PRIMARY KEY, "
                + "fingerprint VARCHAR(64) NOT NULL, done BOOLEAN NOT NULL, status INTEGER, headers "
                + "VARCHAR, body VARCHAR, "
                + "created_at TIMESTAMP NOT NULL)");
    }

    public Duration ttl() {
        return ttl;
    }

    public Optional<Entry> find(String scope) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT fingerprint, done, status, headers, body, created_at FROM " + TABLE
                                + " WHERE scope = ?")) {
            s.setString(1, scope);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()
                        || r.getTimestamp(6).toInstant().isBefore(Instant.now().minus(ttl))) {
                    return Optional.empty();
                }
                return Optional.of(
                        new Entry(r.getString(1), r.getBoolean(2), r.getInt(3), r.getString(4), r.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read idempotency key", e);
        }
    }

    /** Claims the key for a request in progress; false when another request holds it already. */
    public boolean claim(String scope, String fingerprint) {
        purgeExpired();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "INSERT INTO " + TABLE + " (scope, fingerprint, done, created_at) VALUES (?, ?, FALSE, ?)")) {
            s.setString(1, scope);
            s.setString(2, fingerprint);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                // taken — unless the row is expired, then it is replaced
                if (find(scope).isEmpty()) {
                    release(scope);
                    return claim(scope, fingerprint);
                }
                return false;
            }
            throw new IllegalStateException("cannot store idempotency key", e);
        }
    }

    public void complete(String scope, int status, String headers, String body) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "UPDATE " + TABLE + " SET done = TRUE, status = ?, headers = ?, body = ? WHERE scope = ?")) {
            s.setInt(1, status);
            s.setString(2, headers);
            s.setString(3, body);
            s.setString(4, scope);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the answer of an idempotency key", e);
        }
    }

    /** Forgets the key (the request failed and may be tried again). */
    public void release(String scope) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE scope = ?")) {
            s.setString(1, scope);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release idempotency key", e);
        }
    }

    /** At most once a minute: deletes expired keys. */
    private void purgeExpired() {
        long now = System.currentTimeMillis();
        long last = lastPurge.get();
        if (now - last < 60_000 || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE created_at < ?")) {
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(ttl)));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot purge idempotency keys", e);
        }
    }

    private void execute(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the idempotency table", e);
        }
    }
}
