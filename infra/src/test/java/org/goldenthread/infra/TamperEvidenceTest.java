package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.goldenthread.infra.store.EventChain;
import org.goldenthread.infra.store.StoredEvents;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tamper evidence, probed with SQL straight on the event table: a changed payload byte, a changed actor, a deleted
 * event, two events swapped, a forged event appended and one slipped in with a well-made hash — each detected and
 * named at its sequence number, and the store verifies again once each probe is undone; a published head is found
 * after later acts, and is the only thing that catches an operator who rewrites the whole chain.
 */
class TamperEvidenceTest {

    @TempDir
    Path data;

    private DataSource db;
    private String programme;
    private Api auditor;

    private JsonNode verify(String head) {
        Api.Response r =
                auditor.get("/api/programmes/" + programme + "/audit/verify" + (head == null ? "" : "?head=" + head));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private void update(String sql, Object... args) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }

    /** Every column of the event at this sequence number. */
    private Map<String, Object> row(long seq) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT * FROM DomainEventEntry WHERE aggregateIdentifier = ? AND sequenceNumber = ?")) {
            s.setString(1, programme);
            s.setLong(2, seq);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    Object v = r.getObject(i);
                    out.put(
                            r.getMetaData().getColumnName(i),
                            v instanceof java.sql.Blob b ? b.getBytes(1, (int) b.length()) : v);
                }
                return out;
            }
        }
    }

    private void insert(Map<String, Object> row) throws Exception {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        update(
                "INSERT INTO DomainEventEntry (" + columns + ") VALUES (" + marks + ")",
                row.values().toArray());
    }

    private void breaksAt(JsonNode v, long seq, String kind) {
        assertThat(v.get("verified").asBoolean()).as(v.toString()).isFalse();
        assertThat(v.get("firstBreak").get("sequenceNumber").asLong())
                .as(v.toString())
                .isEqualTo(seq);
        assertThat(v.get("firstBreak").get("kind").asText()).as(v.toString()).isEqualTo(kind);
    }

    private void intact(String head) {
        JsonNode v = verify(null);
        assertThat(v.get("verified").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("headHash").asText()).isEqualTo(head);
    }

    @Test
    void every_corruption_probe_is_detected_and_named_and_an_untouched_store_verifies() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            programme = w.id;
            w.participant("Pat", "PERSON", null);
            w.participant("Morgan", "CARER_FAMILY", null);
            List<String> s = w.review("P-1", "NOT_WORKING", 1, "I have only one friend", "WORKING", 1, "My garden");
            w.theme("NOT_WORKING", "I am lonely", List.of(s.get(0)));
            db = app.bean(DataSource.class);
            auditor = facilitator.as("auditor");

            JsonNode clean = verify(null);
            assertThat(clean.get("verified").asBoolean()).as(clean.toString()).isTrue();
            assertThat(clean.get("chainedFrom").asLong()).isZero();
            int events = clean.get("events").asInt();
            assertThat(events).isGreaterThan(7);
            String head = clean.get("headHash").asText();
            assertThat(head).matches("[0-9a-f]{64}");

            // a changed payload byte
            Map<String, Object> two = row(2);
            byte[] payload = ((byte[]) two.get("PAYLOAD")).clone();
            payload[payload.length - 3] = (byte) (payload[payload.length - 3] == 'a' ? 'b' : 'a');
            update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", payload, two.get("GLOBALINDEX"));
            breaksAt(verify(null), 2, "ALTERED");
            update(
                    "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                    two.get("PAYLOAD"),
                    two.get("GLOBALINDEX"));
            intact(head);

            // a changed actor
            Map<String, Object> three = row(3);
            String meta = new String((byte[]) three.get("METADATA"), StandardCharsets.UTF_8);
            assertThat(meta).contains("\"facilitator\"");
            update(
                    "UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                    meta.replace("\"facilitator\"", "\"mallory\"").getBytes(StandardCharsets.UTF_8),
                    three.get("GLOBALINDEX"));
            breaksAt(verify(null), 3, "ALTERED");
            update(
                    "UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?",
                    three.get("METADATA"),
                    three.get("GLOBALINDEX"));
            intact(head);

            // a deleted event
            Map<String, Object> four = row(4);
            update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", four.get("GLOBALINDEX"));
            breaksAt(verify(null), 4, "MISSING");
            insert(four);
            intact(head);

            // two events swapped
            String swap = "UPDATE DomainEventEntry SET sequenceNumber = ? WHERE aggregateIdentifier = ?"
                    + " AND sequenceNumber = ?";
            update(swap, -1L, programme, 5L);
            update(swap, 5L, programme, 6L);
            update(swap, 6L, programme, -1L);
            breaksAt(verify(null), 5, "REORDERED");
            update(swap, -1L, programme, 5L);
            update(swap, 5L, programme, 6L);
            update(swap, 6L, programme, -1L);
            intact(head);

            // a forged event appended by someone who knows nothing of the chain
            Map<String, Object> forged = new LinkedHashMap<>(row(2));
            forged.remove("GLOBALINDEX");
            forged.put("EVENTIDENTIFIER", UUID.randomUUID().toString());
            forged.put("SEQUENCENUMBER", (long) events);
            forged.put("METADATA", "{\"actor\":\"mallory\"}".getBytes(StandardCharsets.UTF_8));
            insert(forged);
            breaksAt(verify(null), events, "INSERTED");
            update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", forged.get("EVENTIDENTIFIER"));
            intact(head);

            // a forged event slipped in at 3 by someone who knows the chain: the event after it links past it
            String shift =
                    "UPDATE DomainEventEntry SET sequenceNumber = sequenceNumber + ? WHERE aggregateIdentifier = ?"
                            + " AND sequenceNumber = ?";
            for (long seq = events - 1; seq >= 3; seq--) {
                update(shift, 1L, programme, seq);
            }
            Map<String, Object> slipped = new LinkedHashMap<>(row(2));
            slipped.remove("GLOBALINDEX");
            slipped.put("EVENTIDENTIFIER", UUID.randomUUID().toString());
            slipped.put("SEQUENCENUMBER", 3L);
            String before = (String) EventChain.Stored.class
                    .cast(new StoredEvents(db).of(programme).get(2))
                    .meta()
                    .get(EventChain.HASH);
            byte[] bare = "{\"actor\":\"facilitator\"}".getBytes(StandardCharsets.UTF_8);
            String forgedHash = EventChain.hash(
                    new EventChain.Stored(
                            (String) slipped.get("TYPE"),
                            programme,
                            3,
                            (String) slipped.get("PAYLOADTYPE"),
                            (String) slipped.get("PAYLOADREVISION"),
                            (byte[]) slipped.get("PAYLOAD"),
                            bare),
                    before);
            slipped.put(
                    "METADATA",
                    ("{\"actor\":\"facilitator\",\"" + EventChain.HASH + "\":\"" + forgedHash + "\",\""
                                    + EventChain.PREVIOUS + "\":\"" + before + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
            insert(slipped);
            breaksAt(verify(null), 3, "INSERTED");
            update("DELETE FROM DomainEventEntry WHERE eventIdentifier = ?", slipped.get("EVENTIDENTIFIER"));
            for (long seq = 4; seq <= events; seq++) {
                update(shift, -1L, programme, seq);
            }
            intact(head);

            // a published head stays in the chain as acts go on
            w.theme("WORKING", "My garden", List.of(s.get(1)));
            JsonNode later = verify(head);
            assertThat(later.get("verified").asBoolean()).as(later.toString()).isTrue();
            assertThat(later.get("publishedHead").asBoolean()).isTrue();
            assertThat(later.get("headHash").asText()).isNotEqualTo(head);

            // an operator who alters an event and rewrites the whole chain: only the published head catches it
            Map<String, Object> one = row(1);
            byte[] altered = ((byte[]) one.get("PAYLOAD")).clone();
            altered[altered.length - 3] = (byte) (altered[altered.length - 3] == 'a' ? 'b' : 'a');
            update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", altered, one.get("GLOBALINDEX"));
            String previous = "";
            for (EventChain.Stored e : new StoredEvents(db).of(programme)) {
                Map<String, Object> m = new java.util.TreeMap<>(e.meta());
                m.remove(EventChain.HASH);
                m.remove(EventChain.PREVIOUS);
                EventChain.Stored bareEvent = new EventChain.Stored(
                        e.aggregateType(),
                        e.aggregateId(),
                        e.sequenceNumber(),
                        e.payloadType(),
                        e.payloadRevision(),
                        e.payload(),
                        Api.JSON.writeValueAsBytes(m));
                String h = EventChain.hash(bareEvent, previous);
                m.put(EventChain.HASH, h);
                m.put(EventChain.PREVIOUS, previous);
                update(
                        "UPDATE DomainEventEntry SET metaData = ? WHERE aggregateIdentifier = ? AND sequenceNumber = ?",
                        Api.JSON.writeValueAsBytes(m),
                        programme,
                        e.sequenceNumber());
                previous = h;
            }
            assertThat(verify(null).get("verified").asBoolean()).isTrue();
            JsonNode caught = verify(head);
            assertThat(caught.get("verified").asBoolean()).isFalse();
            assertThat(caught.get("publishedHead").asBoolean()).isFalse();

            assertThat(auditor.get("/api/programmes/nowhere/audit/verify").status())
                    .isEqualTo(404);
            assertThat(auditor.get("/api/programmes/" + programme + "/audit/verify?head=xyz")
                            .status())
                    .isEqualTo(400);
        }
    }
}
