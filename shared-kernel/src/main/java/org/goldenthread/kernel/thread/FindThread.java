package org.goldenthread.kernel.thread;

import java.time.Instant;
import org.goldenthread.kernel.Require;

/**
 * The tree of everything reached from {@code from} ({@code type:id}) in {@code direction}, as the thread
 * stood at {@code asOf} (now when null; between 1900 and 2199 when given). Answered with a {@link ThreadView},
 * or null if {@code from} is unknown.
 */
public record FindThread(String programmeId, NodeType.NodeRef from, Direction direction, Instant asOf) {
    public FindThread {
        Require.id("programmeId", programmeId);
        Require.present("from", from);
        Require.present("direction", direction);
        asOf = Require.optionalInstant("asOf", asOf);
    }
}
