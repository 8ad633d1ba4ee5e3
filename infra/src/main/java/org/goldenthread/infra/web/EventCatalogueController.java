package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.EventCatalogue;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event catalogue for analysts (and anyone signed in: it holds no one's words): every event type with its
 * revision and the meaning of each field, as JSON, or as the Markdown written to {@code EVENTS.md}.
 */
@RestController
@RequestMapping("/api/events")
@Tag(name = "Events")
public class EventCatalogueController {

    private static final EventCatalogue CATALOGUE = catalogue();

    static EventCatalogue catalogue() {
        List<Class<?>> types = EventCatalogue.namedEventTypes().stream()
                .<Class<?>>map(name -> {
                    try {
                        return Class.forName(name);
                    } catch (ClassNotFoundException e) {
                        throw new IllegalStateException("the event catalogue names no class " + name, e);
                    }
                })
                .toList();
        return EventCatalogue.of(types);
    }

    @Access(Rule.SIGNED_IN)
    @GetMapping("/catalogue")
    @Operation(summary = "Every event type: its revision, its fields with their types and meanings; the value types")
    public EventCatalogue json() {
        return CATALOGUE;
    }

    @Access(Rule.SIGNED_IN)
    @GetMapping(value = "/catalogue.md", produces = "text/markdown")
    @Operation(summary = "The event catalogue as Markdown (as in EVENTS.md)")
    public org.springframework.http.ResponseEntity<String> markdown() {
        return org.springframework.http.ResponseEntity.ok()
                .contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                .body(CATALOGUE.markdown());
    }
}
