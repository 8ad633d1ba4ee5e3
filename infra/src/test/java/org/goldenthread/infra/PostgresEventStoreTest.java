package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.infra.support.Api.now;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.LocalPostgres;
import org.goldenthread.infra.support.RunningApp;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same build with its events on a real PostgreSQL server (Debian's package, started by the test). */
class PostgresEventStoreTest {

    @TempDir
    Path data;

    @Test
    void events_are_stored_in_postgresql_and_survive_a_restart() throws Exception {
        Assumptions.assumeTrue(
                LocalPostgres.binDir().isPresent(),
                "PostgreSQL binaries not found under /usr/lib/postgresql: install Debian's 'postgresql' "
                        + "package (.ci/run does) to run this test");
        try (LocalPostgres pg = LocalPostgres.start()) {
            String[] props = {
                "spring.datasource.url=" + pg.jdbcUrl(),
                "spring.datasource.username=" + pg.username(),
                "spring.datasource.password=" + pg.password(),
                "goldenthread.read-store=memory"
            };
            String programmeId;
            try (RunningApp app = RunningApp.start(data, props)) {
                Api api = app.api("facilitator");
                programmeId = api.post(
                                "/api/programmes",
                                Map.of(
                                        "purpose",
                                        "We are using WTfC on PostgreSQL so that it scales",
                                        "level",
                                        "POPULATION"))
                        .json()
                        .get("programmeId")
                        .asText();
                assertThat(api.post(
                                        "/api/programmes/" + programmeId + "/reviews",
                                        Map.of(
                                                "person",
                                                "P-1",
                                                "statements",
                                                List.of(Map.of(
                                                        "category",
                                                        "WORKING",
                                                        "priority",
                                                        1,
                                                        "text",
                                                        "Going out shopping and to the hairdressers"))))
                                .status())
                        .isEqualTo(201);
                now(
                        () -> api.get("/api/programmes/" + programmeId),
                        r -> r.status() == 200 && r.json().get("statements").asInt() == 1);
            }
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.username(), pg.password());
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = '"
                                    + programmeId + "'")) {
                rs.next();
                assertThat(rs.getInt(1))
                        .isEqualTo(5); // launched, its first facilitator, review, statement, flagged (not in the first
                // person)
            }
            // a fresh app (fresh in-memory read store) rebuilds its views from PostgreSQL and takes new acts
            try (RunningApp app = RunningApp.start(data, props).readFromHead()) {
                Api api = app.api("facilitator");
                assertThat(now(
                                        () -> api.get("/api/programmes/" + programmeId),
                                        r -> r.status() == 200
                                                && r.json().get("statements").asInt() == 1)
                                .json()
                                .get("level")
                                .asText())
                        .isEqualTo("POPULATION");
                assertThat(api.post(
                                        "/api/programmes/" + programmeId + "/participants",
                                        Map.of("name", "Pat", "perspective", "PERSON"))
                                .status())
                        .isEqualTo(201);
                // the hash chain is kept in PostgreSQL too, and continued after the restart
                com.fasterxml.jackson.databind.JsonNode chain = app.api("auditor")
                        .get("/api/programmes/" + programmeId + "/audit/verify")
                        .json();
                assertThat(chain.get("verified").asBoolean())
                        .as(chain.toString())
                        .isTrue();
                assertThat(chain.get("events").asInt()).isEqualTo(6);
            }
        }
    }
}
