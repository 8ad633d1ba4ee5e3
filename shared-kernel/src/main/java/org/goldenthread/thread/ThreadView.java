package org.goldenthread.thread;

import java.time.Instant;
import java.util.List;

/**
 * A node of the golden thread and what it reaches. {@code text} is the node's words (a statement's are
 * opened from their sealed form, or {@code [erased]} with {@code erased} true); {@code link} says how this
 * node was reached from its parent: the relation, when it was made and by whom (and unmade, if so).
 */
public record ThreadView(String type, String id, String label, String text, boolean erased, Link link,
                         List<ThreadView> children) {

    public record Link(String relation, Instant madeAt, String madeBy, Instant unmadeAt, String unmadeBy) {
    }
}
