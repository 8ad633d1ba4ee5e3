package org.goldenthread.infra.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    @Test
    void startsARealServerThatStoresDataAndStopsOnClose() throws SQLException {
        Assumptions.assumeTrue(
                LocalPostgres.binDir().isPresent(),
                "Skipped: no PostgreSQL binaries (initdb, pg_ctl) under /usr/lib/postgresql/<version>/bin"
                        + " - install the Debian 'postgresql' package to run this test");

        String url;
        Path dataDir;
        LocalPostgres pg = LocalPostgres.start();
        try {
            url = pg.jdbcUrl();
            dataDir = pg.dataDir();
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/goldenthread");
            assertThat(pg.isRunning()).isTrue();

            try (Connection c = DriverManager.getConnection(url, pg.username(), pg.password())) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(100) NOT NULL)");
                }
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO greeting (id, text) VALUES (?, ?)")) {
                    insert.setInt(1, 1);
                    insert.setString(2, "héllo, golden thread");
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("SELECT id, text, current_database() FROM greeting")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getInt(1)).isEqualTo(1);
                    assertThat(rs.getString(2)).isEqualTo("héllo, golden thread");
                    assertThat(rs.getString(3)).isEqualTo("goldenthread");
                    assertThat(rs.next()).isFalse();
                }
            }
        } finally {
            pg.close();
        }

        assertThat(pg.isRunning()).isFalse();
        assertThat(Files.exists(dataDir.getParent()))
                .as("temporary directory deleted")
                .isFalse();
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        pg.close(); // idempotent
    }
}
