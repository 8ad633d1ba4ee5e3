package org.goldenthread.kernel.thread;

import java.time.Instant;

/**
 * A link from a node towards people's words ({@code from} is the later step, {@code to} the earlier), kept as an
 * interval.
 */
public record ThreadLink(
        String from, String to, String relation, Instant madeAt, String madeBy, Instant unmadeAt, String unmadeBy) {}
