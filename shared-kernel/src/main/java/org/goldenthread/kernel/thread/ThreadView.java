package org.goldenthread.kernel.thread;

import java.time.Instant;
import java.util.List;

/**
 * A node of the golden thread and what it reaches. {@code text} is the node's words (a statement's are
 * opened from their sealed form, or {@code [erased]} with {@code erased} true); {@code link} says how this
 * node was reached from its parent: the relation, when it was made and by whom (and unmade, if so).
 *
 * <p>Each node is expanded once, where it is first reached (nearest the start): reached again by another link, it
 * appears with {@code repeat} true and no children — its children are at its first appearance. So a thread through a
 * theme split and merged many times stays as small as the graph it walks.
 */
public record ThreadView(
        String type,
        String id,
        String label,
        String text,
        boolean erased,
        Link link,
        List<ThreadView> children,
        boolean repeat) {

    public ThreadView {
        children = children == null ? List.of() : List.copyOf(children);
    }

    public record Link(String relation, Instant madeAt, String madeBy, Instant unmadeAt, String unmadeBy) {}
}
