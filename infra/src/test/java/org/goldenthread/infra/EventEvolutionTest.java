package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.goldenthread.infra.store.MembershipGrantedUpcaster;
import org.goldenthread.infra.store.RenamedEventTypes;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.TestUsers;
import org.goldenthread.infra.support.Workshop;
import org.goldenthread.kernel.programme.MemberRole;
import org.goldenthread.kernel.programme.MembershipGranted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event evolution: {@code MembershipGranted} revision 2 calls revision 1's {@code organisation} field
 * {@code organisationName}. An event stored in the old form (no revision, the old field, under the type's name of
 * before the kernel's root package) is read as revision 2 by the aggregate and by the projections.
 */
class EventEvolutionTest {

    @TempDir
    Path data;

    static final String OLD_PAYLOAD = "{\"programmeId\":\"%s\",\"username\":\"commissioner\",\"role\":\"COMMISSIONER\","
            + "\"organisation\":\"" + TestUsers.COUNCIL + "\",\"reason\":\"joins the workshop\"}";

    @Test
    void an_old_membership_granted_upcasts_to_revision_2_in_either_upcaster_order_and_under_either_type_name() {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        for (String type :
                new String[] {"org.goldenthread.programme.MembershipGranted", MembershipGranted.class.getName()}) {
            for (EventUpcasterChain chain : new EventUpcasterChain[] {
                new EventUpcasterChain(new RenamedEventTypes(), new MembershipGrantedUpcaster()),
                new EventUpcasterChain(new MembershipGrantedUpcaster(), new RenamedEventTypes())
            }) {
                GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                        "Programme",
                        "p1",
                        3,
                        UUID.randomUUID().toString(),
                        Instant.now(),
                        type,
                        null,
                        OLD_PAYLOAD.formatted("p1").getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8));
                IntermediateEventRepresentation read = chain.upcast(
                                Stream.of(new InitialEventRepresentation(stored, serializer)))
                        .findFirst()
                        .orElseThrow();
                assertThat(read.getType().getName()).isEqualTo(MembershipGranted.class.getName());
                assertThat(read.getType().getRevision()).isEqualTo("2");
                SerializedObject<byte[]> payload = read.getData(byte[].class);
                MembershipGranted event = serializer.deserialize(payload);
                assertThat(event)
                        .isEqualTo(new MembershipGranted(
                                "p1",
                                "commissioner",
                                MemberRole.COMMISSIONER,
                                TestUsers.COUNCIL,
                                "joins the workshop"));
            }
        }
    }

    @Test
    void an_event_stored_in_the_old_form_is_read_by_the_programme_and_by_its_views() throws Exception {
        String programme;
        try (RunningApp app = RunningApp.start(data)) {
            programme = Workshop.launch(app.api("facilitator")).id;
        }
        // write the old form straight into the event table, as the code of revision 1 stored it
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("events"), "sa", "")) {
            long next;
            try (PreparedStatement last = c.prepareStatement(
                    "SELECT MAX(sequenceNumber) FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
                last.setString(1, programme);
                try (ResultSet r = last.executeQuery()) {
                    r.next();
                    next = r.getLong(1) + 1;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier, "
                    + "aggregateIdentifier, sequenceNumber, type, timeStamp, payloadType, payloadRevision, payload, "
                    + "metaData) VALUES (?, ?, ?, 'Programme', ?, 'org.goldenthread.programme.MembershipGranted', "
                    + "NULL, ?, ?)")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, programme);
                insert.setLong(3, next);
                insert.setString(4, Instant.now().toString());
                insert.setBytes(5, OLD_PAYLOAD.formatted(programme).getBytes(StandardCharsets.UTF_8));
                insert.setBytes(
                        6, "{\"actor\":\"facilitator\",\"role\":\"FACILITATOR\"}".getBytes(StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
        }
        try (RunningApp app = RunningApp.start(data).readFromHead()) {
            Api facilitator = app.api("facilitator");
            JsonNode members =
                    facilitator.get("/api/programmes/" + programme + "/members").json();
            JsonNode commissioner = null;
            for (JsonNode m : members) {
                commissioner = m.get("username").asText().equals("commissioner") ? m : commissioner;
            }
            assertThat(commissioner).as(members.toString()).isNotNull();
            assertThat(commissioner.get("organisation").asText()).isEqualTo(TestUsers.COUNCIL);
            // the programme read the old event too: the same grant again changes nothing and is refused
            Api.Response again = facilitator.put(
                    "/api/programmes/" + programme + "/members/commissioner",
                    Map.of("role", "COMMISSIONER", "organisation", TestUsers.COUNCIL, "reason", "again"));
            assertThat(again.status()).as(again.toString()).isEqualTo(409);
            assertThat(again.json().get("rule").asText()).isEqualTo("member-already-in-role");
            assertThat(app.api("commissioner")
                            .get("/api/programmes/" + programme)
                            .status())
                    .isEqualTo(200);
        }
    }
}
