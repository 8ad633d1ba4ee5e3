package org.goldenthread.query.thread;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.bson.codecs.pojo.annotations.BsonId;
import org.goldenthread.kernel.Lists;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.thread.NodeType;
import org.goldenthread.query.readstore.DocumentCollection;
import org.goldenthread.query.readstore.Elements;
import org.goldenthread.query.readstore.ScopedId;

/**
 * The golden thread's documents (public records, so the driver's record codec can read them) and the idempotent
 * changes every handler is made of. Every link is an interval (made at/by, unmade at/by), so the thread can be read
 * as it stood at any moment; nothing is overwritten.
 *
 * <ul>
 *   <li>{@code thread_nodes}: one {@link Node} per statement, theme, priority, cause, success statement, measure,
 *       idea or plan, {@code _id: programmeId|type:id}; labels keep their history so a point-in-time read shows a
 *       theme's title (or a success statement's wording) as it was then; {@code back}/{@code forward} list the links
 *       leaving the node towards the words / arriving from the actions, so a traversal reads links and nodes by
 *       primary key only (also fast on mongo-java-server, whose secondary indexes are not used for queries);</li>
 *   <li>{@code thread_links}: one {@link Link} per link made, {@code _id: eventId|from|to} (derived from the making
 *       event, so a redelivered event finds its link already there), {@code from} the later step, {@code to} the
 *       earlier; unmaking closes the open link of that (from, to) made no later than the unmaking event;</li>
 *   <li>{@code thread_people}: each person's statements ({@link Person}), so forgetting a person erases exactly
 *       their words (and any they are recorded saying later).</li>
 * </ul>
 * Times come from the events, never from the clock, so the model is rebuilt the same by replay.
 */
public final class ThreadStore {

    static final String NODES = "thread_nodes";
    static final String LINKS = "thread_links";
    static final String PEOPLE = "thread_people";
    static final String KPIS = "thread_kpis";

    public record Label(String label, Date at) {}

    public record Node(
            @BsonId String key,
            String programmeId,
            String type,
            String id,
            String ref,
            String label,
            List<Label> labels,
            Date createdAt,
            List<String> back,
            List<String> forward,
            SealedText text,
            String person,
            Boolean erased,
            Boolean dropped,
            String dropReason) {
        public Node {
            labels = Lists.normal(labels);
            back = Lists.normal(back);
            forward = Lists.normal(forward);
        }

        /** Made by its own event (not only named by a link). */
        boolean made() {
            return type != null;
        }

        boolean isErased() {
            return Boolean.TRUE.equals(erased);
        }

        /** The label current at {@code asOf} (the current one when null). */
        String labelAt(Date asOf) {
            return asOf == null ? label : latestLabel(asOf, false);
        }

        /** The latest label in the history no later than {@code asOf} (the latest of all when {@code any}). */
        String latestLabel(Date asOf, boolean any) {
            String found = null;
            Date best = null;
            for (Label l : labels) {
                Date at = l.at();
                if (at != null && (any || !at.after(asOf)) && (best == null || !at.before(best))) {
                    best = at;
                    found = l.label();
                }
            }
            return found == null ? label : found;
        }

        Node made(String type, String id, Date at) {
            Date created = createdAt == null || at.before(createdAt) ? at : createdAt;
            return new Node(
                    key,
                    programmeId,
                    type,
                    id,
                    ref,
                    label,
                    labels,
                    created,
                    back,
                    forward,
                    text,
                    person,
                    erased,
                    dropped,
                    dropReason);
        }

        Node labelled(String label, Date at) {
            Node n = new Node(
                    key,
                    programmeId,
                    type,
                    id,
                    ref,
                    label,
                    Elements.added(labels, List.of(new Label(label, at))),
                    createdAt,
                    back,
                    forward,
                    text,
                    person,
                    erased,
                    dropped,
                    dropReason);
            return new Node(
                    key,
                    programmeId,
                    type,
                    id,
                    ref,
                    n.latestLabel(null, true),
                    n.labels(),
                    createdAt,
                    back,
                    forward,
                    text,
                    person,
                    erased,
                    dropped,
                    dropReason);
        }

        Node said(SealedText words, String person, boolean forgotten) {
            boolean erase = forgotten || isErased();
            return new Node(
                    key,
                    programmeId,
                    type,
                    id,
                    ref,
                    label,
                    labels,
                    createdAt,
                    back,
                    forward,
                    erase ? null : (text == null ? words : text),
                    person,
                    erase,
                    dropped,
                    dropReason);
        }

        Node erasedWords() {
            return new Node(
                    key,
                    programmeId,
                    type,
                    id,
                    ref,
                    label,
                    labels,
                    createdAt,
                    back,
                    forward,
                    null,
                    person,
                    true,
                    dropped,
                    dropReason);
        }

        Node idea() {
            return dropped != null
                    ? this
                    : new Node(
                            key,
                            programmeId,
                            type,
                            id,
                            ref,
                            label,
                            labels,
                            createdAt,
                            back,
                            forward,
                            text,
                            person,
                            erased,
                            false,
                            dropReason);
        }

        Node droppedFor(String reason) {
            return new Node(
                    key,
                    programmeId,
                    type,
                    id,
                    ref,
                    label,
                    labels,
                    createdAt,
                    back,
                    forward,
                    text,
                    person,
                    erased,
                    true,
                    reason);
        }

        Node withBack(String linkId) {
            return new Node(
                    key,
                    programmeId,
                    type,
                    id,
                    ref,
                    label,
                    labels,
                    createdAt,
                    Elements.added(back, List.of(linkId)),
                    forward,
                    text,
                    person,
                    erased,
                    dropped,
                    dropReason);
        }

        Node withForward(String linkId) {
            return new Node(
                    key,
                    programmeId,
                    type,
                    id,
                    ref,
                    label,
                    labels,
                    createdAt,
                    back,
                    Elements.added(forward, List.of(linkId)),
                    text,
                    person,
                    erased,
                    dropped,
                    dropReason);
        }
    }

    public record Link(
            @BsonId String id,
            String programmeId,
            String from,
            String to,
            String relation,
            Date madeAt,
            String madeBy,
            Date unmadeAt,
            String unmadeBy) {

        /** Made no later than {@code asOf} and not unmade by then (open now when {@code asOf} is null). */
        boolean validAt(Date asOf) {
            if (asOf == null) {
                return unmadeAt == null;
            }
            return (madeAt == null || !madeAt.after(asOf)) && (unmadeAt == null || unmadeAt.after(asOf));
        }

        Link unmade(Date at, String by) {
            return new Link(id, programmeId, from, to, relation, madeAt, madeBy, at, by);
        }
    }

    public record Person(@BsonId String id, List<String> statementIds, Boolean forgotten) {
        public Person {
            statementIds = Lists.normal(statementIds);
        }
    }

    /** Where a contract's KPI derived from a measure sits: its measure's programme, and its current name. */
    public record KpiHome(@BsonId String id, String programmeId, String label) {}

    final DocumentCollection<Node> nodes;
    final DocumentCollection<Link> links;
    final DocumentCollection<Person> people;
    final DocumentCollection<KpiHome> kpis;

    ThreadStore(MongoDatabase database) {
        nodes = new DocumentCollection<>(database, NODES, Node.class, Node::key);
        links = new DocumentCollection<>(database, LINKS, Link.class, Link::id);
        people = new DocumentCollection<>(database, PEOPLE, Person.class, Person::id);
        kpis = new DocumentCollection<>(database, KPIS, KpiHome.class, KpiHome::id);
        createIndexes();
    }

    private void createIndexes() {
        links.collection().createIndex(Indexes.ascending("programmeId", "from"));
        links.collection().createIndex(Indexes.ascending("programmeId", "to"));
        nodes.collection().createIndex(Indexes.ascending("programmeId", "type"));
    }

    void drop() {
        nodes.drop();
        links.drop();
        people.drop();
        kpis.drop();
        createIndexes();
    }

    static String ref(NodeType type, String id) {
        return new NodeType.NodeRef(type, id).toString();
    }

    static String typeName(NodeType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static String nodeId(String programmeId, String ref) {
        return ScopedId.of(programmeId, ref);
    }

    /** The node with this ref, or a new one only named so far (no type: not made by its own event). */
    Node node(String programmeId, String ref) {
        String key = nodeId(programmeId, ref);
        return nodes.find(key).orElseGet(() -> nodes.blank(key, programmeId, null, null, ref));
    }

    /** Creates (or re-touches) a node made by its own event, with a label; {@code createdAt} is the earliest seen. */
    Node make(String programmeId, NodeType type, String id, String label, Date at) {
        Node n = node(programmeId, ref(type, id)).made(typeName(type), id, at).labelled(label, at);
        nodes.put(n);
        return n;
    }

    /** Adds the label to the node's history, if the node exists; the current label is the latest in that history. */
    void relabel(String programmeId, NodeType type, String id, String label, Date at) {
        nodes.find(nodeId(programmeId, ref(type, id))).ifPresent(n -> nodes.put(n.labelled(label, at)));
    }

    /** Records the link (once per making event) and its ends' adjacency. */
    void link(String eventId, String programmeId, String from, String to, String relation, Date at, String by) {
        String id = eventId + "|" + from + "|" + to;
        if (links.find(id).isEmpty()) {
            links.put(new Link(id, programmeId, from, to, relation, at, by, null, null));
        }
        nodes.put(node(programmeId, from).withBack(id));
        nodes.put(node(programmeId, to).withForward(id));
    }

    /** Closes the open link (from, to) made no later than {@code at}; a no-op when none is open. */
    void unlink(String programmeId, String from, String to, Date at, String by) {
        for (Link open : openLinks(programmeId, from, to, at)) {
            links.put(open.unmade(at, by));
        }
    }

    /** The links (from, to) open now and made no later than {@code at}, found through the node's adjacency. */
    List<Link> openLinks(String programmeId, String from, String to, Date at) {
        List<String> ids = nodes.find(nodeId(programmeId, from)).map(Node::back).orElse(List.of());
        List<Link> out = new ArrayList<>();
        for (Link link : links.find(ids).values()) {
            if (to.equals(link.to())
                    && link.unmadeAt() == null
                    && (link.madeAt() == null || !link.madeAt().after(at))) {
                out.add(link);
            }
        }
        return out;
    }
}
