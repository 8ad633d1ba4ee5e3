package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.goldenthread.command.programme.Programme;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A programme loaded from its snapshot after a restart decides exactly as its whole history would. */
class SnapshotHttpTest {

    @TempDir
    Path data;

    private static int snapshots(RunningApp app, String programmeId) throws Exception {
        try (Connection c = app.bean(DataSource.class).getConnection();
                PreparedStatement s =
                        c.prepareStatement("SELECT count(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
            s.setString(1, programmeId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    @Test
    void after_a_restart_the_programme_comes_from_its_snapshot_and_keeps_every_rule() throws Exception {
        String[] settings = {"goldenthread.snapshot-threshold=25"};
        Workshop.Planned p;
        String programmeId;
        try (RunningApp app = RunningApp.start(data, settings)) {
            Workshop w = Workshop.launch(app.api("facilitator"));
            programmeId = w.id;
            p = w.toPlan();
            // snapshots are taken on a thread of their own once an act crosses the threshold
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (snapshots(app, programmeId) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(snapshots(app, programmeId)).isPositive();
        }
        try (RunningApp app = RunningApp.start(data, settings).readFromHead()) {
            DomainEventMessage<?> first = app.bean(EventStore.class)
                    .readEvents(programmeId)
                    .asStream()
                    .findFirst()
                    .orElseThrow();
            assertThat(first.getPayloadType()).isEqualTo(Programme.class);
            assertThat(first.getSequenceNumber()).isPositive();

            Workshop w = Workshop.resume(app.api("facilitator"), programmeId);
            // a person's two NOT_WORKING statements are known
            Response third = w.post(
                    "/reviews",
                    Map.of(
                            "person",
                            "P-1",
                            "statements",
                            List.of(Map.of("category", "NOT_WORKING", "priority", 1, "text", "I am still lonely"))));
            assertThat(third.status()).isEqualTo(409);
            assertThat(third.json().get("rule").asText())
                    .isIn("two-statements-per-category", "priority-once-per-category");
            // the prioritised themes are known: a why on one is taken, on a later theme it is refused
            w.created(
                    "/themes/" + p.home() + "/whys",
                    Map.of("question", "Why is home not right?", "perspective", "PERSON"),
                    "whyId");
            List<String> later = w.review("P-3", "NOT_WORKING", 1, "Nobody visits");
            String newTheme = w.theme("NOT_WORKING", "Nobody visits me", later);
            Response why = w.post("/themes/" + newTheme + "/whys", Map.of("question", "Why?", "perspective", "PERSON"));
            assertThat(why.status()).isEqualTo(409);
            // the closed ballot, the chosen ideas
            Response vote = w.post(
                    "/ballots/" + p.ideaBallot() + "/votes",
                    Map.of("participantId", p.pat(), "optionId", p.befriend()));
            assertThat(vote.status()).isEqualTo(409);
            Response plan = w.post(
                    "/ideas/" + p.train() + "/action-plans",
                    Workshop.plan(
                            List.of(p.measure()),
                            "Relationships in every plan",
                            List.of(Map.of("description", "All staff trained", "due", "2026-09-30"))));
            assertThat(plan.status()).as(plan.toString()).isEqualTo(201);
        }
    }
}
