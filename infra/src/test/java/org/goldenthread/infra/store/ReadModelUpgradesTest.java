package org.goldenthread.infra.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.goldenthread.query.vote.VotingProjection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read model built under an older version of its documents is rebuilt from the events at start. */
class ReadModelUpgradesTest {

    @TempDir
    Path data;

    @Test
    void an_older_read_model_is_rebuilt_and_a_current_one_is_left_alone() {
        String programmeId;
        String votingId;
        try (RunningApp app = RunningApp.start(data)) {
            Workshop w = Workshop.launch(app.api("facilitator"));
            programmeId = w.id;
            List<String> s = w.review("P-1", "NOT_WORKING", 1, "I have only one friend");
            w.theme("NOT_WORKING", "I am lonely", s);
            votingId = w.created("/votings", Map.of("votesPerParticipant", 3, "selectTop", 4), "votingId");
            assertThat(w.view("/votings/" + votingId).get("status").asText()).isEqualTo("OPEN");
            MongoDatabase readStore = app.bean(MongoDatabase.class);
            assertThat(readStore
                            .getCollection(ReadModelUpgrades.COLLECTION)
                            .find(Filters.eq("_id", "voting"))
                            .first()
                            .getInteger("version"))
                    .isEqualTo(2);
            // as a store written by the version before: its record says 1, and it holds a document of the old shape
            readStore
                    .getCollection(ReadModelUpgrades.COLLECTION)
                    .replaceOne(
                            Filters.eq("_id", "voting"),
                            new Document("_id", "voting").append("version", 1),
                            new ReplaceOptions().upsert(true));
            readStore
                    .getCollection(VotingProjection.VOTINGS)
                    .insertOne(new Document("_id", votingId).append("programmeId", programmeId));
            readStore.getCollection("boards").insertOne(new Document("_id", "left-alone"));
        }
        try (RunningApp app = RunningApp.start(data).readFromHead()) {
            Api auditor = app.api("auditor");
            assertThat(auditor.get("/api/programmes/" + programmeId + "/votings/" + votingId)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("OPEN");
            MongoDatabase readStore = app.bean(MongoDatabase.class);
            assertThat(readStore.getCollection(VotingProjection.VOTINGS).countDocuments(Filters.eq("_id", votingId)))
                    .isZero();
            assertThat(readStore
                            .getCollection(ReadModelUpgrades.COLLECTION)
                            .find(Filters.eq("_id", "voting"))
                            .first()
                            .getInteger("version"))
                    .isEqualTo(2);
            assertThat(readStore.getCollection("boards").countDocuments(Filters.eq("_id", "left-alone")))
                    .isOne();
        }
    }
}
