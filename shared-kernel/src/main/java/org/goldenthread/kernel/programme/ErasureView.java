package org.goldenthread.kernel.programme;

import java.time.Instant;

/**
 * Where a person's erasure stands: PENDING once asked for (their words are hidden at once), DONE once the key is
 * destroyed.
 */
public record ErasureView(
        String programmeId,
        String person,
        Status status,
        Instant requestedAt,
        String requestedBy,
        Instant keyDestroyedAt) {
    public enum Status {
        PENDING,
        DONE
    }
}
