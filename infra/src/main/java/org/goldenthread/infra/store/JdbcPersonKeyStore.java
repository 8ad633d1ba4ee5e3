package org.goldenthread.infra.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The per-person keys (wrapped) in a database of their own: an H2 file under the data directory by default, or the
 * database {@code goldenthread.keys.url} names. Each write commits at once (H2 with no write delay, then a sync).
 */
public class JdbcPersonKeyStore implements PersonKeyStore, AutoCloseable {

    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;
    private final boolean h2;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    /** Ids per {@code IN} query when reading keys back. */
    private static final int READ_BATCH = 500;

    public JdbcPersonKeyStore(String url, String username, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("keys");
        this.pool = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(pool);
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(pool));
        this.h2 = url.startsWith("jdbc:h2:");
        String binary = url.startsWith("jdbc:postgresql:") ? "BYTEA" : "VARBINARY(256)";
        jdbc.execute("CREATE TABLE IF NOT EXISTS person_keys (key_ref VARCHAR(400) PRIMARY KEY, wrapped " + binary
                + " NOT NULL, created_at TIMESTAMP NOT NULL)");
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    @Override
    public Optional<byte[]> find(String ref) {
        List<byte[]> found =
                jdbc.query("SELECT wrapped FROM person_keys WHERE key_ref = ?", (rs, i) -> rs.getBytes(1), ref);
        return found.stream().findFirst();
    }

    @Override
    public Map<String, byte[]> createIfAbsent(Map<String, byte[]> wrapped) {
        java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
        List<Object[]> rows = wrapped.entrySet().stream()
                .map(e -> new Object[] {e.getKey(), e.getValue(), now, e.getKey()})
                .toList();
        // one transaction (one commit to the file) for all of them: an import creates thousands at once
        transactions.executeWithoutResult(tx -> jdbc.batchUpdate(
                "INSERT INTO person_keys (key_ref, wrapped, created_at) SELECT ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM person_keys WHERE key_ref = ?)",
                rows));
        sync();
        // read back what is stored (whoever wrote first wins), a batch of ids at a time
        Map<String, byte[]> stored = new LinkedHashMap<>();
        List<String> refs = List.copyOf(wrapped.keySet());
        for (int from = 0; from < refs.size(); from += READ_BATCH) {
            List<String> batch = refs.subList(from, Math.min(refs.size(), from + READ_BATCH));
            String marks = String.join(",", java.util.Collections.nCopies(batch.size(), "?"));
            jdbc.query(
                    "SELECT key_ref, wrapped FROM person_keys WHERE key_ref IN (" + marks + ")",
                    rs -> {
                        stored.put(rs.getString(1), rs.getBytes(2));
                    },
                    batch.toArray());
        }
        for (String ref : refs) {
            if (!stored.containsKey(ref)) {
                throw new IllegalStateException("the key of " + ref + " vanished while being created");
            }
        }
        return stored;
    }

    @Override
    public void destroy(String ref) {
        jdbc.update("DELETE FROM person_keys WHERE key_ref = ?", ref);
        sync();
    }

    @Override
    public Collection<String> refs() {
        return jdbc.queryForList("SELECT key_ref FROM person_keys ORDER BY key_ref", String.class);
    }

    private void sync() {
        if (h2) {
            jdbc.execute("CHECKPOINT SYNC");
        }
    }
}
