package org.goldenthread.infra.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;
import org.springframework.stereotype.Component;

/**
 * A programme's events as NDJSON for analysts, one event a line, streamed from the event store: position, type,
 * step, revision, time, actor and role, and the payload — pseudonymised. Every person's pseudonym, user name,
 * participant id and actor is replaced by a hash under a salt made for this export alone (the same person is the
 * same hash within one export, unlinkable across exports); participants' names are left out; sealed words are
 * opened only for callers whose role may read words, and never when erased (then {@code null}, with
 * {@code "erased": true} beside them). Filterable by type and time, resumable after a position.
 */
@Component
public class EventExport {

    /** Fields holding who someone is, wherever they appear in a payload. */
    static final Set<String> PSEUDONYMISED = Set.of("person", "username", "participantId");
    /** Fields never exported: a participant's name (sealed, or plain in early events). */
    static final Set<String> LEFT_OUT = Set.of("name", "sealedName");

    /** What to export. */
    public record Filter(String programmeId, Set<String> types, Instant from, Instant to, Long after, boolean words) {}

    private final EventStore events;
    private final PersonalDataVault vault;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    public EventExport(EventStore events, PersonalDataVault vault) {
        this.events = events;
        this.vault = vault;
        this.json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Writes the export; answers how many events it wrote. */
    public long write(Filter filter, OutputStream out) throws IOException {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        long written = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(start(filter.after()))) {
            while (stream.hasNextAvailable()) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                if (!(event instanceof DomainEventMessage<?> d)
                        || !filter.programmeId().equals(d.getAggregateIdentifier())) {
                    continue;
                }
                String type = event.getPayloadType().getSimpleName();
                if ((filter.types() != null
                                && !filter.types().isEmpty()
                                && !filter.types().contains(type))
                        || (filter.from() != null && event.getTimestamp().isBefore(filter.from()))
                        || (filter.to() != null && event.getTimestamp().isAfter(filter.to()))) {
                    continue;
                }
                out.write(json.writeValueAsBytes(line(event, d, type, salt, filter.words())));
                out.write('\n');
                written++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the export was interrupted", e);
        }
        out.flush();
        return written;
    }

    private TrackingToken start(Long after) {
        if (after == null) {
            return null;
        }
        TrackingToken tail = events.createTailToken();
        return tail instanceof GapAwareTrackingToken || tail == null
                ? GapAwareTrackingToken.newInstance(after, Collections.emptySortedSet())
                : new GlobalSequenceTrackingToken(after);
    }

    private ObjectNode line(
            TrackedEventMessage<?> event, DomainEventMessage<?> d, String type, byte[] salt, boolean words) {
        ObjectNode line = json.createObjectNode();
        line.put("position", event.trackingToken().position().orElse(-1));
        line.put("type", type);
        String pkg = event.getPayloadType().getPackageName();
        line.put("step", pkg.substring(pkg.lastIndexOf('.') + 1));
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        line.put("revision", revision == null ? null : revision.value());
        line.put("timestamp", event.getTimestamp().toString());
        line.put("aggregateId", d.getAggregateIdentifier());
        line.put("sequenceNumber", d.getSequenceNumber());
        Object actor = event.getMetaData().get(ActorMetaData.ACTOR);
        line.put("actor", actor == null ? null : pseudonym(salt, actor.toString()));
        Object role = event.getMetaData().get(ActorMetaData.ROLE);
        line.put("role", role == null ? null : role.toString());
        line.set("payload", transformed(json.valueToTree(event.getPayload()), salt, words));
        return line;
    }

    private JsonNode transformed(JsonNode node, byte[] salt, boolean words) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, transformed(node.get(i), salt, words));
            }
            return node;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        if (object.size() == 2 && object.has("keyRef") && object.has("cipherText")) {
            return sealed(object, words);
        }
        for (String field : LEFT_OUT) {
            object.remove(field);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        Map<String, JsonNode> replaced = new java.util.LinkedHashMap<>();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (PSEUDONYMISED.contains(f.getKey()) && f.getValue().isTextual()) {
                replaced.put(
                        f.getKey(),
                        json.getNodeFactory()
                                .textNode(pseudonym(salt, f.getValue().asText())));
            } else {
                replaced.put(f.getKey(), transformed(f.getValue(), salt, words));
            }
        }
        replaced.forEach(object::set);
        return object;
    }

    /** Sealed words: opened for a caller who may read words, unless erased; otherwise left out. */
    private JsonNode sealed(ObjectNode sealed, boolean words) {
        ObjectNode out = json.createObjectNode();
        if (!words) {
            out.putNull("text");
            out.put("sealed", true);
            return out;
        }
        var open = vault.open(new SealedText(
                sealed.get("keyRef").asText(), sealed.get("cipherText").asText()));
        if (open.isEmpty()) {
            out.putNull("text");
            out.put("erased", true);
        } else {
            out.put("text", open.get());
        }
        return out;
    }

    static String pseudonym(byte[] salt, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            return "x-" + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
