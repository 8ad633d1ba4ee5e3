package org.goldenthread.infra.store;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Events stored before the kernel had a root package of its own ({@code org.goldenthread.theme.StatementClustered}, now
 * {@code org.goldenthread.kernel.theme.StatementClustered}) are read under their new names: the payload is unchanged,
 * only its type is mapped. Nothing stored is rewritten ({@code StoredHistoryTest} reads a store written before).
 */
@Component
public class RenamedEventTypes extends SingleEventUpcaster {

    private static final String ROOT = "org.goldenthread.";
    private static final String KERNEL = ROOT + "kernel.";

    private final Map<String, Optional<String>> renamed = new ConcurrentHashMap<>();

    /** The type's name today, if it was stored under an earlier one. */
    Optional<String> renamed(String stored) {
        if (stored == null
                || !stored.startsWith(ROOT)
                || stored.startsWith(KERNEL)
                || stored.startsWith(ROOT + "infra.")) {
            return Optional.empty();
        }
        return renamed.computeIfAbsent(stored, name -> {
            String now = KERNEL + name.substring(ROOT.length());
            try {
                Class.forName(now, false, RenamedEventTypes.class.getClassLoader());
                return Optional.of(now);
            } catch (ClassNotFoundException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return renamed(representation.getType().getName()).isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String now = renamed(representation.getType().getName()).orElseThrow();
        return representation.upcastPayload(
                new SimpleSerializedType(now, representation.getType().getRevision()),
                com.fasterxml.jackson.databind.JsonNode.class,
                Function.identity());
    }
}
