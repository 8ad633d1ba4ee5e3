package org.goldenthread.thread;

import java.time.Instant;

/**
 * The tree of everything reached from {@code from} ({@code type:id}) in {@code direction}, as the thread
 * stood at {@code asOf} (now when null). Answered with a {@link ThreadView}, or null if {@code from} is unknown.
 */
public record FindThread(String programmeId, NodeType.NodeRef from, Direction direction, Instant asOf) {
}
