package org.goldenthread.query.thread;

import static org.goldenthread.query.thread.ThreadStore.typeName;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.goldenthread.kernel.PersonalDataVault;
import org.goldenthread.kernel.thread.Direction;
import org.goldenthread.kernel.thread.FindThread;
import org.goldenthread.kernel.thread.NodeType;
import org.goldenthread.kernel.thread.ThreadLink;
import org.goldenthread.kernel.thread.ThreadView;
import org.goldenthread.kernel.thread.UntracedItem;
import org.goldenthread.query.thread.ThreadStore.Link;
import org.goldenthread.query.thread.ThreadStore.Node;

/** Answers the thread's queries from its nodes and links, opening people's words through the vault. */
final class ThreadAssembly {

    /** A safety bound on the depth of a traversal; the method's thread is about ten steps long. */
    private static final int MAX_DEPTH = 64;

    private static final Comparator<Link> LINK_ORDER = Comparator.comparing(
                    Link::madeAt, Comparator.nullsFirst(Comparator.<Date>naturalOrder()))
            .thenComparing(Link::id);

    private final ThreadStore store;
    private final PersonalDataVault vault;

    ThreadAssembly(ThreadStore store, PersonalDataVault vault) {
        this.store = store;
        this.vault = vault;
    }

    /** A node of the tree being built; converted to the immutable view at the end. */
    private static final class Built {
        final Node node;
        final Link link;
        final boolean repeat;
        final List<Built> children = new ArrayList<>();

        Built(Node node, Link link, boolean repeat) {
            this.node = node;
            this.link = link;
            this.repeat = repeat;
        }
    }

    /** A node to expand at the next level (each node is expanded once: where it is first reached). */
    private record Frame(String ref, Built built) {}

    /**
     * The thread from a node as it stood at {@code asOf} (now when null). Level by level: one read for the links of a
     * whole level, one for their nodes, all by id. Null when the node is unknown, or did not exist yet at {@code
     * asOf}.
     */
    ThreadView thread(FindThread query) {
        if (query.from() == null || query.programmeId() == null) {
            return null;
        }
        Date asOf = query.asOf() == null ? null : Date.from(query.asOf());
        String pid = query.programmeId();
        String rootRef = query.from().toString();
        Optional<Node> root = store.nodes.find(ThreadStore.nodeId(pid, rootRef));
        if (root.isEmpty() || !existsAt(root.get(), asOf)) {
            return null;
        }
        boolean back = query.direction() != Direction.FORWARD;

        Built top = new Built(root.get(), null, false);
        Set<String> expanded = new HashSet<>(Set.of(rootRef));
        List<Frame> level = List.of(new Frame(rootRef, top));
        for (int depth = 0; !level.isEmpty() && depth < MAX_DEPTH; depth++) {
            // one read for the links of the whole level (by id, from the nodes' adjacency) ...
            Set<String> linkIds = new LinkedHashSet<>();
            for (Frame f : level) {
                linkIds.addAll(back ? f.built().node.back() : f.built().node.forward());
            }
            if (linkIds.isEmpty()) {
                break;
            }
            Map<String, List<Link>> linksByNear = new HashMap<>();
            Set<String> farRefs = new LinkedHashSet<>();
            for (Link link : store.links.find(linkIds).values()) {
                if (link.validAt(asOf)) {
                    linksByNear
                            .computeIfAbsent(back ? link.from() : link.to(), k -> new ArrayList<>())
                            .add(link);
                    farRefs.add(back ? link.to() : link.from());
                }
            }
            if (farRefs.isEmpty()) {
                break;
            }
            linksByNear.values().forEach(l -> l.sort(LINK_ORDER));
            // ... and one for their nodes
            Map<String, Node> farNodes = nodesByRef(pid, farRefs, asOf);
            List<Frame> next = new ArrayList<>();
            for (Frame frame : level) {
                for (Link link : linksByNear.getOrDefault(frame.ref(), List.of())) {
                    String other = back ? link.to() : link.from();
                    Node node = farNodes.get(other);
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

    /** A node made by its own event (not only named by a link) no later than {@code asOf}. */
    private static boolean existsAt(Node node, Date asOf) {
        if (!node.made()) {
            return false;
        }
        return asOf == null || node.createdAt() == null || !node.createdAt().after(asOf);
    }

    private Map<String, Node> nodesByRef(String programmeId, Set<String> refs, Date asOf) {
        List<String> ids = new ArrayList<>(refs.size());
        refs.forEach(r -> ids.add(ThreadStore.nodeId(programmeId, r)));
        Map<String, Node> out = new HashMap<>();
        for (Node node : store.nodes.find(ids).values()) {
            if (existsAt(node, asOf)) {
                out.put(node.ref(), node);
            }
        }
        return out;
    }

    private ThreadView toView(Built b, Date asOf, Map<String, String[]> opened) {
        List<ThreadView> children = new ArrayList<>(b.children.size());
        for (Built c : b.children) {
            children.add(toView(c, asOf, opened));
        }
        Node n = b.node;
        String label = n.labelAt(asOf);
        String text = label;
        boolean erased = false;
        if (typeName(NodeType.STATEMENT).equals(n.type())) {
            String[] words = opened.computeIfAbsent(n.ref(), k -> openWords(n));
            text = words[0];
            erased = words[1] != null;
        }
        ThreadView.Link link = null;
        if (b.link != null) {
            link = new ThreadView.Link(
                    b.link.relation(),
                    instant(b.link.madeAt()),
                    b.link.madeBy(),
                    instant(b.link.unmadeAt()),
                    b.link.unmadeBy());
        }
        return new ThreadView(n.type(), n.id(), label, text, erased, link, children, b.repeat);
    }

    /** {words, erasedMarker-or-null}. */
    private String[] openWords(Node n) {
        Optional<String> words = n.isErased() || n.text() == null ? Optional.empty() : vault.open(n.text());
        return words.isEmpty() ? new String[] {PersonalDataVault.ERASED, "erased"} : new String[] {words.get(), null};
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /**
     * Every measure, idea and action plan whose thread, going back now, reaches no statement — with where it stops.
     * Reachability is computed once for the whole programme from its open links.
     */
    List<UntracedItem> untraced(String pid) {
        Map<String, List<String>> back = new HashMap<>();
        Map<String, List<String>> forward = new HashMap<>();
        for (Link link : store.links
                .collection()
                .find(Filters.and(Filters.eq("programmeId", pid), Filters.eq("unmadeAt", null)))) {
            back.computeIfAbsent(link.from(), k -> new ArrayList<>()).add(link.to());
            forward.computeIfAbsent(link.to(), k -> new ArrayList<>()).add(link.from());
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
        List<String> types = List.of(
                typeName(NodeType.MEASURE), typeName(NodeType.IDEA), typeName(NodeType.PLAN), typeName(NodeType.KPI));
        Map<String, String> labels = new HashMap<>();
        List<Node> candidates = new ArrayList<>();
        for (Node n : store.nodes.collection().find(Filters.eq("programmeId", pid))) {
            labels.put(n.ref(), n.label());
            if (n.made() && types.contains(n.type()) && !traced.contains(n.ref())) {
                candidates.add(n);
            }
        }
        candidates.sort(Comparator.comparing((Node n) -> types.indexOf(n.type()))
                .thenComparing(Node::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Node::id));
        List<UntracedItem> out = new ArrayList<>();
        for (Node n : candidates) {
            out.add(new UntracedItem(n.type(), n.id(), n.label(), reason(n, back, labels)));
        }
        return out;
    }

    /** Where the thread stops going back: the ends reached, or that nothing links it back at all. */
    private static String reason(Node n, Map<String, List<String>> back, Map<String, String> labels) {
        String start = n.ref();
        String dropped = Boolean.TRUE.equals(n.dropped()) ? " (idea dropped)" : "";
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
    List<ThreadLink> links(String programmeId) {
        List<ThreadLink> out = new ArrayList<>();
        for (Link l : store.links
                .collection()
                .find(Filters.eq("programmeId", programmeId))
                .sort(Sorts.ascending("madeAt", "_id"))) {
            out.add(new ThreadLink(
                    l.from(),
                    l.to(),
                    l.relation(),
                    instant(l.madeAt()),
                    l.madeBy(),
                    instant(l.unmadeAt()),
                    l.unmadeBy()));
        }
        return out;
    }
}
