package org.goldenthread.kernel.audit;

import java.time.Instant;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * The acts of one stream (a programme's, a contract's…), oldest first, filtered by time, actor, type (the event's
 * simple name) and subject (its id), a page at a time ({@code size} up to {@value #MAX_SIZE}; {@code size} 0 asks for
 * every entry, for exports). Answered with an {@link AuditPage}.
 */
public record FindAuditTimeline(
        String stream, Instant from, Instant to, String actor, String type, String subject, int page, int size) {

    public static final int MAX_SIZE = 500;

    public FindAuditTimeline {
        Require.id("stream", stream);
        from = Require.optionalInstant("from", from);
        to = Require.optionalInstant("to", to);
        if (page < 0) {
            throw new InvalidInput("page", "page must be 0 or more");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw new InvalidInput("size", "size must be between 1 and " + MAX_SIZE);
        }
    }
}
