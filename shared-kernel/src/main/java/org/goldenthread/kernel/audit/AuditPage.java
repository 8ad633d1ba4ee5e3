package org.goldenthread.kernel.audit;

import java.util.List;

/** One page of the timeline, oldest first; {@code total} entries match the filter. */
public record AuditPage(List<AuditEntry> entries, long total, int page, int size) {
    public AuditPage {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
