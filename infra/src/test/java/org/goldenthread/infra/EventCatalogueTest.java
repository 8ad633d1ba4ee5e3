package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.Revision;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.kernel.EventCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The event catalogue covers every event type — every type an event handler or event sourcing handler takes, and
 * every kernel record with a revision — with a meaning for the event and each of its fields and value types; the
 * committed {@code EVENTS.md} is the catalogue as generated (write it again with
 * {@code -Dgoldenthread.write-catalogue=true}); it is served at {@code /api/events/catalogue}.
 */
class EventCatalogueTest {

    static final Path EVENTS_MD = Path.of("..", "EVENTS.md");

    /** The event types the code knows: what handlers take, and kernel records carrying a revision. */
    static Set<String> eventTypes() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.goldenthread");
        Set<String> out = new TreeSet<>();
        for (JavaClass c : classes) {
            for (JavaMethod m : c.getMethods()) {
                if ((m.isAnnotatedWith(EventHandler.class) || m.isAnnotatedWith(EventSourcingHandler.class))
                        && !m.getRawParameterTypes().isEmpty()) {
                    String type = m.getRawParameterTypes().get(0).getName();
                    if (type.startsWith("org.goldenthread.kernel.")) {
                        out.add(type);
                    }
                }
            }
            if (c.getPackageName().startsWith("org.goldenthread.kernel") && c.isAnnotatedWith(Revision.class)) {
                out.add(c.getName());
            }
        }
        return out;
    }

    @Test
    void every_event_type_and_field_has_a_meaning_and_the_catalogue_names_no_other() throws Exception {
        Set<String> known = eventTypes();
        assertThat(known).hasSizeGreaterThan(60);
        assertThat(EventCatalogue.namedEventTypes())
                .as("event types the catalogue names")
                .isEqualTo(known);
        EventCatalogue catalogue = EventCatalogue.of(known.stream()
                .<Class<?>>map(n -> {
                    try {
                        return Class.forName(n);
                    } catch (ClassNotFoundException e) {
                        throw new AssertionError(e);
                    }
                })
                .toList());
        assertThat(catalogue.undocumented())
                .as("without a meaning in " + EventCatalogue.RESOURCE)
                .isEmpty();
        assertThat(catalogue.events())
                .allSatisfy(e -> assertThat(e.revision()).as(e.type()).isNotNull());
        String markdown = catalogue.markdown();
        if (Boolean.getBoolean("goldenthread.write-catalogue")) {
            Files.writeString(EVENTS_MD, markdown, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(EVENTS_MD, StandardCharsets.UTF_8))
                .as("EVENTS.md is the catalogue as generated: run this test with -Dgoldenthread.write-catalogue=true")
                .isEqualTo(markdown);
    }

    @Test
    void every_audit_summary_names_an_event_and_only_fields_it_has() throws Exception {
        java.util.Properties p = new java.util.Properties();
        try (var in = EventCatalogue.class.getResourceAsStream(EventCatalogue.RESOURCE)) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("summary.")) {
                continue;
            }
            String type = "org.goldenthread.kernel." + key.substring("summary.".length());
            Class<?> c = Class.forName(type);
            java.util.Set<String> fields = java.util.Arrays.stream(c.getRecordComponents())
                    .map(java.lang.reflect.RecordComponent::getName)
                    .collect(java.util.stream.Collectors.toSet());
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\\{([A-Za-z]+)}").matcher(p.getProperty(key));
            while (m.find()) {
                if (!fields.contains(m.group(1))) {
                    wrong.add(key + ": {" + m.group(1) + "}");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void the_catalogue_is_served_to_anyone_signed_in(@TempDir Path data) {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            JsonNode catalogue = app.api("analyst").get("/api/events/catalogue").json();
            JsonNode clustered = null;
            for (JsonNode e : catalogue.get("events")) {
                clustered = e.get("name").asText().equals("StatementClustered") ? e : clustered;
            }
            assertThat(clustered).isNotNull();
            assertThat(clustered.get("revision").asText()).isEqualTo("1");
            assertThat(clustered.get("fields").get(0).get("name").asText()).isEqualTo("programmeId");
            assertThat(app.api("analyst").get("/api/events/catalogue.md").body())
                    .startsWith("# Event catalogue");
        }
    }
}
