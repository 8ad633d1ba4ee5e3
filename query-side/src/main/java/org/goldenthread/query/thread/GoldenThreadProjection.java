package org.goldenthread.query.thread;

import static org.goldenthread.query.readstore.Documents.UPSERT;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.goldenthread.kernel.ActorMetaData;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.SealedText;
import org.goldenthread.kernel.collect.StatementRecorded;
import org.goldenthread.kernel.implement.ActionPlanAgreed;
import org.goldenthread.kernel.implement.ActionPlanChanged;
import org.goldenthread.kernel.learn.CycleStarted;
import org.goldenthread.kernel.plan.IdeaDropped;
import org.goldenthread.kernel.plan.IdeaProposed;
import org.goldenthread.kernel.programme.PersonForgotten;
import org.goldenthread.kernel.success.MeasureDefined;
import org.goldenthread.kernel.success.SuccessStatementRevised;
import org.goldenthread.kernel.success.SuccessStatementWritten;
import org.goldenthread.kernel.theme.StatementClustered;
import org.goldenthread.kernel.theme.StatementMoved;
import org.goldenthread.kernel.theme.StatementParked;
import org.goldenthread.kernel.theme.ThemeCreated;
import org.goldenthread.kernel.theme.ThemeRenamed;
import org.goldenthread.kernel.theme.ThemeSplit;
import org.goldenthread.kernel.theme.ThemesMerged;
import org.goldenthread.kernel.thread.*;
import org.goldenthread.kernel.understand.CauseGiven;
import org.goldenthread.kernel.understand.RootCauseChosen;
import org.goldenthread.kernel.vote.ThemePrioritised;

/**
 * The golden thread: people's words → theme → priority → root cause → success statement → measure → idea →
 * action plan, and back. Every link is an interval (made at/by, unmade at/by), so the thread can be read as it
 * stood at any moment ({@link FindThread#asOf()}); nothing is overwritten.
 *
 * <p>Collections (owned end to end by this class):
 * <ul>
 *   <li>{@code thread_nodes}: {@code {_id: programmeId|type:id, programmeId, type, id, ref: "type:id", label,
 *       labels: [{label, at}], createdAt, back: [linkId], forward: [linkId]}}; statements add
 *       {@code text: {keyRef, cipherText}, person, erased}; ideas add {@code dropped, dropReason}. Labels keep their
 *       history so an {@code asOf} query shows a theme's title (or a success statement's wording) as it was then.
 *       {@code back}/{@code forward} list the links leaving the node towards the words / arriving from the
 *       actions, so a traversal reads links and nodes by primary key only (also fast on mongo-java-server, whose
 *       secondary indexes are not used for queries).</li>
 *   <li>{@code thread_links}: {@code {_id: eventId|from|to, programmeId, from: "type:id" (the later step),
 *       to: "type:id" (the earlier step), relation, madeAt, madeBy, unmadeAt, unmadeBy}}, indexed on
 *       (programmeId, from) and (programmeId, to). The id is derived from the making event, so a redelivered
 *       event finds its link already there. Unmaking closes the open link of that (from, to) — one made no later
 *       than the unmaking event — and is a no-op when none is open.</li>
 * </ul>
 * Handlers are idempotent ({@code $setOnInsert}, {@code $set}, {@code $addToSet}, {@code $min}; never
 * {@code $inc}) and the model is rebuilt by replay: times come from the events, never from the clock.
 */
@ProcessingGroup(GoldenThreadProjection.PROCESSING_GROUP)
public class GoldenThreadProjection {

    public static final String PROCESSING_GROUP = "thread";
    public static final String NODES = "thread_nodes";
    public static final String LINKS = "thread_links";

    static final String CLUSTERS = "clusters";
    static final String MERGED_FROM = "merged from";
    static final String SPLIT_FROM = "split from";
    static final String CARRIED_FROM = "carried from";
    static final String PRIORITISES = "prioritises";
    static final String ROOT_CAUSE_OF = "root cause of";
    static final String ANSWERS = "answers";
    static final String SUCCESS_FOR = "success for";
    static final String MEASURES = "measures";
    static final String TACKLES = "tackles";
    static final String IDEA_FOR = "idea for";
    static final String PLANS = "plans";
    static final String TRACKED_BY = "tracked by";

    /** A safety bound on the depth of a traversal; the method's thread is about ten steps long. */
    private static final int MAX_DEPTH = 64;

    private final MongoDatabase database;
    private final PersonalDataVault vault;

    public GoldenThreadProjection(MongoDatabase database, PersonalDataVault vault) {
        this.database = database;
        this.vault = vault;
        createIndexes();
    }

    private MongoCollection<Document> nodes() {
        return database.getCollection(NODES);
    }

    private MongoCollection<Document> links() {
        return database.getCollection(LINKS);
    }

    private void createIndexes() {
        links().createIndex(Indexes.ascending("programmeId", "from"));
        links().createIndex(Indexes.ascending("programmeId", "to"));
        nodes().createIndex(Indexes.ascending("programmeId", "type"));
    }

    @ResetHandler
    public void reset() {
        nodes().drop();
        links().drop();
        createIndexes();
    }

    // ---- refs and ids ------------------------------------------------------------------------------------

    static String ref(NodeType type, String id) {
        return new NodeType.NodeRef(type, id).toString();
    }

    static String typeName(NodeType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static String nodeId(String programmeId, String ref) {
        return programmeId + "|" + ref;
    }

    static String priorityId(String votingId, String themeId) {
        return votingId + "/" + themeId;
    }

    private static String actor(EventMessage<?> message) {
        Object actor = message.getMetaData().get(ActorMetaData.ACTOR);
        return actor == null ? null : actor.toString();
    }

    private static Date at(EventMessage<?> message) {
        return Date.from(message.getTimestamp());
    }

    private static List<String> nonNull(List<String> ids) {
        return ids == null ? List.of() : ids;
    }

    // ---- events: nodes -----------------------------------------------------------------------------------

    @EventHandler
    public void on(StatementRecorded e, EventMessage<?> message) {
        SealedText text = e.text();
        node(
                e.programmeId(),
                NodeType.STATEMENT,
                e.statementId(),
                e.category() == null ? null : e.category().name(),
                at(message),
                Updates.set("person", e.person()),
                Updates.setOnInsert("erased", false),
                Updates.setOnInsert("text", org.goldenthread.query.readstore.Documents.sealed(text)));
    }

    @EventHandler
    public void on(PersonForgotten e) {
        // the words are unreadable once the key is destroyed; drop the ciphertext too — the links stay
        nodes().updateMany(
                        Filters.and(
                                Filters.eq("programmeId", e.programmeId()),
                                Filters.eq("type", typeName(NodeType.STATEMENT)),
                                Filters.eq("person", e.person())),
                        Updates.combine(Updates.set("erased", true), Updates.unset("text")));
    }

    @EventHandler
    public void on(ThemeCreated e, EventMessage<?> message) {
        node(e.programmeId(), NodeType.THEME, e.themeId(), e.title(), at(message));
    }

    @EventHandler
    public void on(ThemeRenamed e, EventMessage<?> message) {
        relabel(e.programmeId(), NodeType.THEME, e.themeId(), e.title(), at(message));
    }

    @EventHandler
    public void on(CauseGiven e, EventMessage<?> message) {
        node(e.programmeId(), NodeType.CAUSE, e.causeId(), e.text(), at(message));
    }

    @EventHandler
    public void on(IdeaDropped e) {
        nodes().updateOne(
                        Filters.eq("_id", nodeId(e.programmeId(), ref(NodeType.IDEA, e.ideaId()))),
                        Updates.combine(Updates.set("dropped", true), Updates.set("dropReason", e.reason())));
    }

    // ---- events: nodes with their links ------------------------------------------------------------------

    @EventHandler
    public void on(StatementClustered e, EventMessage<?> message) {
        make(
                message,
                e.programmeId(),
                ref(NodeType.THEME, e.themeId()),
                ref(NodeType.STATEMENT, e.statementId()),
                CLUSTERS);
    }

    @EventHandler
    public void on(StatementMoved e, EventMessage<?> message) {
        String statement = ref(NodeType.STATEMENT, e.statementId());
        unmake(message, e.programmeId(), ref(NodeType.THEME, e.fromThemeId()), statement);
        make(message, e.programmeId(), ref(NodeType.THEME, e.toThemeId()), statement, CLUSTERS);
    }

    @EventHandler
    public void on(StatementParked e, EventMessage<?> message) {
        if (e.fromThemeId() != null) {
            unmake(
                    message,
                    e.programmeId(),
                    ref(NodeType.THEME, e.fromThemeId()),
                    ref(NodeType.STATEMENT, e.statementId()));
        }
    }

    @EventHandler
    public void on(ThemesMerged e, EventMessage<?> message) {
        String target = ref(NodeType.THEME, e.themeId());
        for (String statementId : nonNull(e.statementIds())) {
            String statement = ref(NodeType.STATEMENT, statementId);
            for (String merged : nonNull(e.mergedThemeIds())) {
                unmake(message, e.programmeId(), ref(NodeType.THEME, merged), statement);
            }
            make(message, e.programmeId(), target, statement, CLUSTERS);
        }
        for (String merged : nonNull(e.mergedThemeIds())) {
            make(message, e.programmeId(), target, ref(NodeType.THEME, merged), MERGED_FROM);
        }
    }

    @EventHandler
    public void on(ThemeSplit e, EventMessage<?> message) {
        node(e.programmeId(), NodeType.THEME, e.newThemeId(), e.title(), at(message));
        String old = ref(NodeType.THEME, e.themeId());
        String split = ref(NodeType.THEME, e.newThemeId());
        for (String statementId : nonNull(e.statementIds())) {
            String statement = ref(NodeType.STATEMENT, statementId);
            unmake(message, e.programmeId(), old, statement);
            make(message, e.programmeId(), split, statement, CLUSTERS);
        }
        make(message, e.programmeId(), split, old, SPLIT_FROM);
    }

    @EventHandler
    public void on(CycleStarted e, EventMessage<?> message) {
        for (CycleStarted.CarriedTheme c : e.carriedThemes()) {
            node(e.programmeId(), NodeType.THEME, c.themeId(), c.title(), at(message));
            make(
                    message,
                    e.programmeId(),
                    ref(NodeType.THEME, c.themeId()),
                    ref(NodeType.THEME, c.fromThemeId()),
                    CARRIED_FROM);
        }
    }

    @EventHandler
    public void on(ThemePrioritised e, EventMessage<?> message) {
        String id = priorityId(e.votingId(), e.themeId());
        node(e.programmeId(), NodeType.PRIORITY, id, "rank " + e.rank() + ", " + e.votes() + " votes", at(message));
        make(message, e.programmeId(), ref(NodeType.PRIORITY, id), ref(NodeType.THEME, e.themeId()), PRIORITISES);
    }

    @EventHandler
    public void on(RootCauseChosen e, EventMessage<?> message) {
        make(
                message,
                e.programmeId(),
                ref(NodeType.CAUSE, e.causeId()),
                ref(NodeType.THEME, e.themeId()),
                ROOT_CAUSE_OF);
    }

    @EventHandler
    public void on(SuccessStatementWritten e, EventMessage<?> message) {
        node(e.programmeId(), NodeType.SUCCESS, e.successId(), e.text(), at(message));
        String success = ref(NodeType.SUCCESS, e.successId());
        List<String> causes = nonNull(e.rootCauseIds());
        if (causes.isEmpty()) {
            make(message, e.programmeId(), success, ref(NodeType.THEME, e.themeId()), SUCCESS_FOR);
        }
        for (String causeId : causes) {
            make(message, e.programmeId(), success, ref(NodeType.CAUSE, causeId), ANSWERS);
        }
    }

    @EventHandler
    public void on(SuccessStatementRevised e, EventMessage<?> message) {
        relabel(e.programmeId(), NodeType.SUCCESS, e.successId(), e.text(), at(message));
        String success = ref(NodeType.SUCCESS, e.successId());
        for (String causeId : nonNull(e.unlinkedRootCauseIds())) {
            unmake(message, e.programmeId(), success, ref(NodeType.CAUSE, causeId));
        }
        for (String causeId : nonNull(e.linkedRootCauseIds())) {
            make(message, e.programmeId(), success, ref(NodeType.CAUSE, causeId), ANSWERS);
        }
        // a statement answering no root cause is linked to its theme; one answering some is not
        String theme = ref(NodeType.THEME, e.themeId());
        if (nonNull(e.rootCauseIds()).isEmpty()) {
            if (openLinks(e.programmeId(), success, theme, at(message)).isEmpty()) {
                make(message, e.programmeId(), success, theme, SUCCESS_FOR);
            }
        } else {
            unmake(message, e.programmeId(), success, theme);
        }
    }

    @EventHandler
    public void on(MeasureDefined e, EventMessage<?> message) {
        node(e.programmeId(), NodeType.MEASURE, e.measureId(), e.description(), at(message));
        make(
                message,
                e.programmeId(),
                ref(NodeType.MEASURE, e.measureId()),
                ref(NodeType.SUCCESS, e.successId()),
                MEASURES);
    }

    @EventHandler
    public void on(IdeaProposed e, EventMessage<?> message) {
        node(e.programmeId(), NodeType.IDEA, e.ideaId(), e.text(), at(message), Updates.setOnInsert("dropped", false));
        String idea = ref(NodeType.IDEA, e.ideaId());
        List<String> causes = nonNull(e.rootCauseIds());
        if (causes.isEmpty()) {
            make(message, e.programmeId(), idea, ref(NodeType.THEME, e.themeId()), IDEA_FOR);
        }
        for (String causeId : causes) {
            make(message, e.programmeId(), idea, ref(NodeType.CAUSE, causeId), TACKLES);
        }
    }

    @EventHandler
    public void on(ActionPlanAgreed e, EventMessage<?> message) {
        node(e.programmeId(), NodeType.PLAN, e.planId(), planLabel(e.content()), at(message));
        String plan = ref(NodeType.PLAN, e.planId());
        make(message, e.programmeId(), plan, ref(NodeType.IDEA, e.ideaId()), PLANS);
        List<String> measures =
                e.content() == null ? List.of() : nonNull(e.content().measureIds());
        for (String measureId : measures) {
            make(message, e.programmeId(), plan, ref(NodeType.MEASURE, measureId), TRACKED_BY);
        }
    }

    @EventHandler
    public void on(ActionPlanChanged e, EventMessage<?> message) {
        relabel(e.programmeId(), NodeType.PLAN, e.planId(), planLabel(e.content()), at(message));
        String plan = ref(NodeType.PLAN, e.planId());
        for (String measureId : nonNull(e.unlinkedMeasureIds())) {
            unmake(message, e.programmeId(), plan, ref(NodeType.MEASURE, measureId));
        }
        for (String measureId : nonNull(e.linkedMeasureIds())) {
            make(message, e.programmeId(), plan, ref(NodeType.MEASURE, measureId), TRACKED_BY);
        }
    }

    private static String planLabel(org.goldenthread.kernel.implement.PlanContent content) {
        if (content == null || content.keyFeatures() == null) {
            return "action plan";
        }
        return content.keyFeatures();
    }

    // ---- update building blocks (each idempotent) ----------------------------------------------------------

    /**
     * Creates (or re-touches) a node; {@code createdAt} is the earliest time it was seen ({@code $min}). The
     * identity fields are {@code $set} (never changing) because the node may already hold adjacency written
     * by a link made before it.
     */
    private void node(String programmeId, NodeType type, String id, String label, Date at, Bson... extra) {
        String r = ref(type, id);
        List<Bson> updates = new ArrayList<>();
        updates.add(Updates.set("programmeId", programmeId));
        updates.add(Updates.set("type", typeName(type)));
        updates.add(Updates.set("id", id));
        updates.add(Updates.set("ref", r));
        updates.add(Updates.min("createdAt", at));
        updates.addAll(List.of(extra));
        nodes().updateOne(byId(programmeId, r), Updates.combine(updates), UPSERT);
        relabel(programmeId, type, id, label, at);
    }

    /** Adds the label to the node's history; the current label is the latest in that history. */
    private void relabel(String programmeId, NodeType type, String id, String label, Date at) {
        Bson node = byId(programmeId, ref(type, id));
        Document after = nodes().findOneAndUpdate(
                        node,
                        Updates.addToSet("labels", new Document("label", label).append("at", at)),
                        new FindOneAndUpdateOptions()
                                .returnDocument(ReturnDocument.AFTER)
                                .projection(Projections.include("labels")));
        if (after != null) {
            nodes().updateOne(node, Updates.set("label", labelAt(after, null, true)));
        }
    }

    /**
     * Records the link (its id derived from the making event, so a redelivery finds it there) and its ends'
     * adjacency: the later node lists it under {@code back}, the earlier under {@code forward}. Every write here
     * is keyed by {@code _id} alone, which every store answers from its primary index.
     */
    private void make(EventMessage<?> message, String programmeId, String from, String to, String relation) {
        String id = message.getIdentifier() + "|" + from + "|" + to;
        links().updateOne(
                        Filters.eq("_id", id),
                        Updates.combine(
                                Updates.setOnInsert("programmeId", programmeId),
                                Updates.setOnInsert("from", from),
                                Updates.setOnInsert("to", to),
                                Updates.setOnInsert("relation", relation),
                                Updates.setOnInsert("madeAt", at(message)),
                                Updates.setOnInsert("madeBy", actor(message)),
                                Updates.setOnInsert("unmadeAt", null),
                                Updates.setOnInsert("unmadeBy", null)),
                        UPSERT);
        nodes().updateOne(
                        byId(programmeId, from),
                        Updates.combine(
                                Updates.setOnInsert("programmeId", programmeId),
                                Updates.setOnInsert("ref", from),
                                Updates.addToSet("back", id)),
                        UPSERT);
        nodes().updateOne(
                        byId(programmeId, to),
                        Updates.combine(
                                Updates.setOnInsert("programmeId", programmeId),
                                Updates.setOnInsert("ref", to),
                                Updates.addToSet("forward", id)),
                        UPSERT);
    }

    /** Closes the open link (from, to) made no later than this event; a no-op when none is open. */
    private void unmake(EventMessage<?> message, String programmeId, String from, String to) {
        Date at = at(message);
        for (Document open : openLinks(programmeId, from, to, at)) {
            links().updateOne(
                            Filters.eq("_id", open.getString("_id")),
                            Updates.combine(Updates.set("unmadeAt", at), Updates.set("unmadeBy", actor(message))));
        }
    }

    /** The links (from, to) open now and made no later than {@code at}, found through the node's adjacency. */
    private List<Document> openLinks(String programmeId, String from, String to, Date at) {
        Document node = nodes().find(byId(programmeId, from))
                .projection(Projections.include("back"))
                .first();
        List<String> ids = node == null ? List.of() : node.getList("back", String.class, List.of());
        List<Document> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Document link : links().find(Filters.in("_id", ids))) {
            Date made = link.getDate("madeAt");
            if (to.equals(link.getString("to")) && link.get("unmadeAt") == null && (made == null || !made.after(at))) {
                out.add(link);
            }
        }
        return out;
    }

    private static Bson byId(String programmeId, String ref) {
        return Filters.eq("_id", nodeId(programmeId, ref));
    }

    // ---- queries -----------------------------------------------------------------------------------------

    /** A node of the tree being built; converted to the immutable view at the end. */
    private static final class Built {
        final Document node;
        final Document link;
        final boolean repeat;
        final List<Built> children = new ArrayList<>();

        Built(Document node, Document link, boolean repeat) {
            this.node = node;
            this.link = link;
            this.repeat = repeat;
        }
    }

    /** A node to expand at the next level (each node is expanded once: where it is first reached). */
    private record Frame(String ref, Built built) {}

    /**
     * The thread from a node, BACK towards people's words or FORWARD towards actions, as it stood at
     * {@code asOf} (now when null). Level by level: one query for the links of a whole level, one for their
     * nodes. Null when the node is unknown, or did not exist yet at {@code asOf}.
     */
    @QueryHandler
    public ThreadView handle(FindThread query) {
        if (query.from() == null || query.programmeId() == null) {
            return null;
        }
        Date asOf = query.asOf() == null ? null : Date.from(query.asOf());
        String pid = query.programmeId();
        String rootRef = query.from().toString();
        Document root = nodes().find(byId(pid, rootRef)).first();
        if (root == null || !existsAt(root, asOf)) {
            return null;
        }
        boolean back = query.direction() != Direction.FORWARD;
        String adjacency = back ? "back" : "forward";
        String near = back ? "from" : "to";
        String far = back ? "to" : "from";

        Built top = new Built(root, null, false);
        Set<String> expanded = new HashSet<>(Set.of(rootRef));
        List<Frame> level = List.of(new Frame(rootRef, top));
        for (int depth = 0; !level.isEmpty() && depth < MAX_DEPTH; depth++) {
            // one query for the links of the whole level (by id, from the nodes' adjacency) ...
            Set<String> linkIds = new LinkedHashSet<>();
            for (Frame f : level) {
                linkIds.addAll(f.built().node.getList(adjacency, String.class, List.of()));
            }
            if (linkIds.isEmpty()) {
                break;
            }
            Map<String, List<Document>> linksByNear = new HashMap<>();
            Set<String> farRefs = new LinkedHashSet<>();
            for (Document link : links().find(Filters.in("_id", new ArrayList<>(linkIds)))) {
                if (validAt(link, asOf)) {
                    linksByNear
                            .computeIfAbsent(link.getString(near), k -> new ArrayList<>())
                            .add(link);
                    farRefs.add(link.getString(far));
                }
            }
            if (farRefs.isEmpty()) {
                break;
            }
            linksByNear.values().forEach(l -> l.sort(LINK_ORDER));
            // ... and one for their nodes
            Map<String, Document> farNodes = nodesByRef(pid, farRefs, asOf);
            List<Frame> next = new ArrayList<>();
            for (Frame frame : level) {
                for (Document link : linksByNear.getOrDefault(frame.ref(), List.of())) {
                    String other = link.getString(far);
                    Document node = farNodes.get(other);
                    if (node == null) {
                        continue;
                    }
                    boolean first = expanded.add(other);
                    Built child = new Built(node, link, !first);
                    frame.built().children.add(child);
                    if (first) {
                        next.add(new Frame(other, child));
                    }
                }
            }
            level = next;
        }
        return toView(top, asOf, new HashMap<>());
    }

    private static final Comparator<Document> LINK_ORDER = Comparator.comparing(
                    (Document l) -> l.getDate("madeAt"), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(l -> l.getString("_id"));

    /** Made no later than {@code asOf} and not unmade by then (open now when {@code asOf} is null). */
    private static boolean validAt(Document link, Date asOf) {
        Date made = link.getDate("madeAt");
        Date unmade = link.getDate("unmadeAt");
        if (asOf == null) {
            return unmade == null;
        }
        return (made == null || !made.after(asOf)) && (unmade == null || unmade.after(asOf));
    }

    /** A node made by its own event (not only named by a link) no later than {@code asOf}. */
    private static boolean existsAt(Document node, Date asOf) {
        if (node.getString("type") == null) {
            return false;
        }
        Date created = node.getDate("createdAt");
        return asOf == null || created == null || !created.after(asOf);
    }

    private Map<String, Document> nodesByRef(String programmeId, Set<String> refs, Date asOf) {
        List<String> ids = new ArrayList<>(refs.size());
        refs.forEach(r -> ids.add(nodeId(programmeId, r)));
        Map<String, Document> out = new HashMap<>();
        for (Document node : nodes().find(Filters.in("_id", ids))) {
            if (existsAt(node, asOf)) {
                out.put(node.getString("ref"), node);
            }
        }
        return out;
    }

    private ThreadView toView(Built b, Date asOf, Map<String, String[]> opened) {
        List<ThreadView> children = new ArrayList<>(b.children.size());
        for (Built c : b.children) {
            children.add(toView(c, asOf, opened));
        }
        Document n = b.node;
        String label = labelAt(n, asOf);
        String text = label;
        boolean erased = false;
        if (typeName(NodeType.STATEMENT).equals(n.getString("type"))) {
            String[] words = opened.computeIfAbsent(n.getString("ref"), k -> openWords(n));
            text = words[0];
            erased = words[1] != null;
        }
        ThreadView.Link link = null;
        if (b.link != null) {
            link = new ThreadView.Link(
                    b.link.getString("relation"),
                    instant(b.link.getDate("madeAt")),
                    b.link.getString("madeBy"),
                    instant(b.link.getDate("unmadeAt")),
                    b.link.getString("unmadeBy"));
        }
        return new ThreadView(n.getString("type"), n.getString("id"), label, text, erased, link, children, b.repeat);
    }

    /** {words, erasedMarker-or-null}. */
    private String[] openWords(Document n) {
        Optional<String> words = Boolean.TRUE.equals(n.getBoolean("erased"))
                ? Optional.empty()
                : org.goldenthread.query.readstore.Documents.open(vault, n.get("text", Document.class));
        return words.isEmpty() ? new String[] {PersonalDataVault.ERASED, "erased"} : new String[] {words.get(), null};
    }

    /** The label current at {@code asOf} (the current one when null). */
    static String labelAt(Document n, Date asOf) {
        return asOf == null ? n.getString("label") : labelAt(n, asOf, false);
    }

    /** The latest label in the history no later than {@code asOf} (the latest of all when {@code any}). */
    private static String labelAt(Document n, Date asOf, boolean any) {
        String label = null;
        Date best = null;
        for (Document l : n.getList("labels", Document.class, List.of())) {
            Date at = l.getDate("at");
            if (at != null && (any || !at.after(asOf)) && (best == null || !at.before(best))) {
                best = at;
                label = l.getString("label");
            }
        }
        return label == null ? n.getString("label") : label;
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /**
     * Every measure, idea and action plan whose thread, going back now, reaches no statement — with where it
     * stops. Reachability is computed once for the whole programme from its open links.
     */
    @QueryHandler
    public List<UntracedItem> handle(FindUntraced query) {
        String pid = query.programmeId();
        Map<String, List<String>> back = new HashMap<>();
        Map<String, List<String>> forward = new HashMap<>();
        for (Document link : links().find(Filters.and(Filters.eq("programmeId", pid), Filters.eq("unmadeAt", null)))) {
            back.computeIfAbsent(link.getString("from"), k -> new ArrayList<>()).add(link.getString("to"));
            forward.computeIfAbsent(link.getString("to"), k -> new ArrayList<>())
                    .add(link.getString("from"));
        }
        // everything that reaches a statement going back = everything reached from a statement going forward
        Set<String> traced = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        String statementPrefix = typeName(NodeType.STATEMENT) + ":";
        for (String to : forward.keySet()) {
            if (to.startsWith(statementPrefix) && traced.add(to)) {
                todo.add(to);
            }
        }
        while (!todo.isEmpty()) {
            for (String later : forward.getOrDefault(todo.poll(), List.of())) {
                if (traced.add(later)) {
                    todo.add(later);
                }
            }
        }
        List<UntracedItem> out = new ArrayList<>();
        List<String> types = List.of(typeName(NodeType.MEASURE), typeName(NodeType.IDEA), typeName(NodeType.PLAN));
        Map<String, String> labels = new HashMap<>();
        List<Document> candidates = new ArrayList<>();
        for (Document n : nodes().find(Filters.eq("programmeId", pid))) {
            labels.put(n.getString("ref"), n.getString("label"));
            if (types.contains(n.getString("type")) && !traced.contains(n.getString("ref"))) {
                candidates.add(n);
            }
        }
        candidates.sort(Comparator.comparing((Document n) -> types.indexOf(n.getString("type")))
                .thenComparing(n -> n.getDate("createdAt"), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(n -> n.getString("id")));
        for (Document n : candidates) {
            out.add(new UntracedItem(
                    n.getString("type"), n.getString("id"), n.getString("label"), reason(n, back, labels)));
        }
        return out;
    }

    /** Where the thread stops going back: the ends reached, or that nothing links it back at all. */
    private static String reason(Document n, Map<String, List<String>> back, Map<String, String> labels) {
        String start = n.getString("ref");
        String dropped = Boolean.TRUE.equals(n.getBoolean("dropped")) ? " (idea dropped)" : "";
        if (back.getOrDefault(start, List.of()).isEmpty()) {
            return "not linked to anything earlier in the thread" + dropped;
        }
        Set<String> seen = new HashSet<>(Set.of(start));
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        Set<String> ends = new LinkedHashSet<>();
        while (!todo.isEmpty()) {
            String r = todo.poll();
            List<String> earlier = back.getOrDefault(r, List.of());
            if (earlier.isEmpty()) {
                ends.add(r);
            }
            for (String e : earlier) {
                if (seen.add(e)) {
                    todo.add(e);
                }
            }
        }
        List<String> shown = new ArrayList<>();
        for (String end : ends) {
            String label = labels.get(end);
            shown.add(label == null ? end : end + " \"" + label + "\"");
        }
        return "going back, the thread stops at " + String.join(", ", shown) + " without reaching people's words"
                + dropped;
    }

    /** Every link of the programme's thread, with its interval, in the order the links were made. */
    @QueryHandler
    public List<ThreadLink> handle(FindThreadLinks query) {
        List<ThreadLink> out = new ArrayList<>();
        for (Document l :
                links().find(Filters.eq("programmeId", query.programmeId())).sort(Sorts.ascending("madeAt", "_id"))) {
            out.add(new ThreadLink(
                    l.getString("from"),
                    l.getString("to"),
                    l.getString("relation"),
                    instant(l.getDate("madeAt")),
                    l.getString("madeBy"),
                    instant(l.getDate("unmadeAt")),
                    l.getString("unmadeBy")));
        }
        return out;
    }
}
