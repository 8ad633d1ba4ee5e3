package org.goldenthread.infra.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hash chain of an aggregate's events (a programme's, a contract's): each event's hash is SHA-256 over a canonical
 * form of what is stored — the aggregate's type and id, the sequence number, the payload's type and revision, the
 * stored payload bytes, the stored metadata without the chain's own keys (sorted, as JSON) — and the previous event's
 * hash. Hashing what is stored means crypto-shredding (which destroys keys, never events) leaves the chain intact.
 * Each event carries its hash ({@value #HASH}) and its predecessor's ({@value #PREVIOUS}) in its metadata.
 */
public final class EventChain {

    public static final String HASH = "chainHash";
    public static final String PREVIOUS = "chainPrevious";
    /** Names the canonical form, so a later form can be told apart. */
    static final String FORM = "golden-thread-chain/1";

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private EventChain() {}

    /** One stored event as the chain reads it. */
    public record Stored(
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {

        /** The stored metadata as a map (empty when there is none). */
        public Map<String, Object> meta() {
            return EventChain.meta(metaData);
        }
    }

    /** The event's hash given its predecessor's ({@code ""} for the first). */
    public static String hash(Stored e, String previous) {
        Map<String, Object> meta = new TreeMap<>(e.meta());
        meta.remove(HASH);
        meta.remove(PREVIOUS);
        String canonical = String.join(
                "\n",
                FORM,
                nullToEmpty(e.aggregateType()),
                e.aggregateId(),
                Long.toString(e.sequenceNumber()),
                nullToEmpty(e.payloadType()),
                nullToEmpty(e.payloadRevision()),
                Base64.getEncoder().encodeToString(e.payload() == null ? new byte[0] : e.payload()),
                json(meta),
                previous);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e2) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e2);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> meta(byte[] json) {
        if (json == null || json.length == 0) {
            return Map.of();
        }
        try {
            Object value = CANONICAL.readValue(json, Object.class);
            return value instanceof Map<?, ?> m ? new HashMap<>((Map<String, Object>) m) : Map.of();
        } catch (java.io.IOException e) {
            return Map.of("unreadable", Base64.getEncoder().encodeToString(json));
        }
    }

    private static String json(Map<String, Object> meta) {
        try {
            return CANONICAL.writeValueAsString(meta);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
