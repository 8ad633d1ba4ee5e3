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
 * Events stored under earlier names are read under today's: the payload is unchanged, only its type is mapped.
 * Nothing stored is rewritten ({@code StoredHistoryTest} reads a store written before both moves).
 *
 * <ul>
 *   <li>before the kernel had a root package of its own: {@code org.goldenthread.theme.StatementClustered} is now
 *       {@code org.goldenthread.kernel.theme.StatementClustered};</li>
 *   <li>step 8's package was {@code review} (a word step 2 uses for a person's care review); it is {@code learn}
 *       (the method's "learning and review"): {@code org.goldenthread.kernel.review.CycleStarted} is now
 *       {@code org.goldenthread.kernel.learn.CycleStarted} ({@link #MOVED_PACKAGES}).</li>
 * </ul>
 */
@Component
public class RenamedEventTypes extends SingleEventUpcaster {

    private static final String ROOT = "org.goldenthread.";
    private static final String KERNEL = ROOT + "kernel.";

    /** Kernel packages renamed since, old name to new. */
    static final Map<String, String> MOVED_PACKAGES = Map.of(KERNEL + "review.", KERNEL + "learn.");

    private final Map<String, Optional<String>> renamed = new ConcurrentHashMap<>();

    /** The type's name today, if it was stored under an earlier one. */
    Optional<String> renamed(String stored) {
        if (stored == null || !stored.startsWith(ROOT) || stored.startsWith(ROOT + "infra.")) {
            return Optional.empty();
        }
        return renamed.computeIfAbsent(stored, name -> {
            String now = name.startsWith(KERNEL) ? name : KERNEL + name.substring(ROOT.length());
            for (Map.Entry<String, String> moved : MOVED_PACKAGES.entrySet()) {
                if (now.startsWith(moved.getKey())) {
                    now = moved.getValue() + now.substring(moved.getKey().length());
                }
            }
            if (now.equals(name)) {
                return Optional.empty();
            }
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
