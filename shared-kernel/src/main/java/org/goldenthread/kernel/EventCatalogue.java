package org.goldenthread.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.serialization.Revision;

/**
 * The event catalogue, generated from the kernel: every event type with its revision and its fields (name, type,
 * meaning), and the value records events hold. The meanings come from {@code event-catalogue.properties} beside this
 * class; the names, types and revisions from the classes themselves, so the catalogue cannot drift from the code (a
 * field without a meaning is listed by {@link #undocumented()}, which a test keeps empty).
 */
public record EventCatalogue(List<Event> events, List<ValueType> valueTypes) {

    public static final String RESOURCE = "event-catalogue.properties";
    private static final String ROOT = "org.goldenthread.kernel.";
    /** The meanings, read once. */
    private static final Properties MEANINGS = meanings();

    /** An event type: {@code step} is its kernel package (the method's step), {@code revision} null when none. */
    public record Event(
            String type, String name, String step, String revision, String description, List<Field> fields) {}

    /** A record events hold (a plan's content, a reading, a KPI's terms…). */
    public record ValueType(String type, String name, String description, List<Field> fields) {}

    /** One field: its name, its type as written in the code (an enum's values listed), what it means. */
    public record Field(String name, String type, String description) {}

    /** The catalogue of these event types, and of every kernel record they hold. */
    public static EventCatalogue of(Collection<Class<?>> eventTypes) {
        Properties meanings = MEANINGS;
        List<Event> events = new ArrayList<>();
        Set<Class<?>> values = new LinkedHashSet<>();
        for (Class<?> c : eventTypes.stream()
                .distinct()
                .sorted(Comparator.comparing(EventCatalogue::key))
                .toList()) {
            Revision revision = c.getAnnotation(Revision.class);
            String key = "event." + key(c);
            events.add(new Event(
                    c.getName(),
                    c.getSimpleName(),
                    step(c),
                    revision == null ? null : revision.value(),
                    meanings.getProperty(key),
                    fields(c, key, meanings, values)));
        }
        List<ValueType> valueTypes = new ArrayList<>();
        Deque<Class<?>> todo = new ArrayDeque<>(values);
        Set<Class<?>> done = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!done.add(c)) {
                continue;
            }
            Set<Class<?>> more = new LinkedHashSet<>();
            String key = "value." + key(c);
            valueTypes.add(
                    new ValueType(c.getName(), name(c), meanings.getProperty(key), fields(c, key, meanings, more)));
            todo.addAll(more);
        }
        valueTypes.sort(Comparator.comparing(ValueType::type));
        return new EventCatalogue(List.copyOf(events), List.copyOf(valueTypes));
    }

    /** The event types the catalogue's meanings name (keys {@code event.<step>.<Event>}), as classes. */
    public static Set<String> namedEventTypes() {
        Set<String> out = new java.util.TreeSet<>();
        for (String key : MEANINGS.stringPropertyNames()) {
            if (key.startsWith("event.") && key.chars().filter(ch -> ch == '.').count() == 2) {
                out.add(ROOT + key.substring("event.".length()));
            }
        }
        return out;
    }

    /** Everything that has no meaning yet: "event X", "field X.y", "value X". */
    public List<String> undocumented() {
        List<String> out = new ArrayList<>();
        for (Event e : events) {
            if (e.description() == null) {
                out.add("event " + e.type());
            }
            e.fields().stream()
                    .filter(f -> f.description() == null)
                    .forEach(f -> out.add("field " + e.type() + "." + f.name()));
        }
        for (ValueType v : valueTypes) {
            if (v.description() == null) {
                out.add("value " + v.type());
            }
            v.fields().stream()
                    .filter(f -> f.description() == null)
                    .forEach(f -> out.add("field " + v.type() + "." + f.name()));
        }
        return out;
    }

    /** The catalogue as Markdown: events by step, then the value types. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Event catalogue\n\n")
                .append("Generated from `shared-kernel` (`EventCatalogue`, meanings in `")
                .append(RESOURCE)
                .append("`); served at `GET /api/events/catalogue`. ")
                .append("Every event also carries metadata: `actor`, `role`, `roles`, `organisation`, Axon's ")
                .append("`traceId` and `correlationId`, and (on the JDBC store) `chainHash`, `chainPrevious`.\n");
        new TreeMap<>(events.stream().collect(Collectors.groupingBy(Event::step))).forEach((step, list) -> {
            md.append("\n## ").append(step).append("\n");
            for (Event e : list) {
                md.append("\n### ")
                        .append(e.name())
                        .append(" (revision ")
                        .append(e.revision() == null ? "none" : e.revision())
                        .append(")\n\n")
                        .append(e.description())
                        .append("\n\n");
                table(md, e.fields());
            }
        });
        md.append("\n## Value types\n");
        for (ValueType v : valueTypes) {
            md.append("\n### ")
                    .append(v.name())
                    .append("\n\n")
                    .append(v.description())
                    .append("\n\n");
            table(md, v.fields());
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<Field> fields) {
        md.append("| field | type | meaning |\n|---|---|---|\n");
        for (Field f : fields) {
            md.append("| `")
                    .append(f.name())
                    .append("` | ")
                    .append(f.type().replace("|", "\\|"))
                    .append(" | ")
                    .append(f.description() == null ? "" : f.description().replace("|", "\\|"))
                    .append(" |\n");
        }
    }

    private static List<Field> fields(Class<?> c, String key, Properties meanings, Set<Class<?>> values) {
        List<Field> out = new ArrayList<>();
        if (!c.isRecord()) {
            return out;
        }
        for (RecordComponent rc : c.getRecordComponents()) {
            String meaning =
                    meanings.getProperty(key + "." + rc.getName(), meanings.getProperty("field." + rc.getName()));
            out.add(new Field(rc.getName(), type(rc.getGenericType(), values), meaning));
        }
        return out;
    }

    private static String type(Type t, Set<Class<?>> values) {
        if (t instanceof ParameterizedType p) {
            String args = Arrays.stream(p.getActualTypeArguments())
                    .map(a -> type(a, values))
                    .collect(Collectors.joining(", "));
            return type(p.getRawType(), values) + "<" + args + ">";
        }
        if (t instanceof Class<?> c) {
            if (c.getName().startsWith(ROOT) || c.getName().startsWith("org.goldenthread.kernel")) {
                if (c.isRecord()) {
                    values.add(c);
                }
                if (c.isEnum()) {
                    return name(c) + " ("
                            + Arrays.stream(c.getEnumConstants())
                                    .map(Object::toString)
                                    .collect(Collectors.joining(", "))
                            + ")";
                }
                return name(c);
            }
            return c.getSimpleName();
        }
        return t.getTypeName();
    }

    private static String key(Class<?> c) {
        return c.getName().substring(ROOT.length()).replace('$', '.');
    }

    private static String name(Class<?> c) {
        return c.getName().substring(c.getPackageName().length() + 1).replace('$', '.');
    }

    /** A {@code {field}} in a summary template. */
    private static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([A-Za-z]+)}");

    private static String step(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.length() > ROOT.length() ? pkg.substring(ROOT.length()) : "kernel";
    }

    /**
     * A sentence saying what an act did, for the audit timeline: the event's {@code summary.} template from the
     * meanings (its {@code {field}}s filled from the payload's plain fields: never sealed words), else its meaning.
     */
    public static String summary(Class<?> type, java.util.Map<String, Object> fields) {
        String key = key(type);
        String template = MEANINGS.getProperty("summary." + key);
        if (template == null) {
            String meaning = MEANINGS.getProperty("event." + key);
            return meaning == null ? type.getSimpleName() : meaning;
        }
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            Object v = fields.get(m.group(1));
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(v == null ? "" : v.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Properties meanings() {
        Properties p = new Properties();
        try (InputStream in = EventCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing beside " + EventCatalogue.class.getName());
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
