package org.goldenthread.kernel.collect;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * Collect: import statements from CSV. The whole file is validated first; if any row is bad nothing is
 * imported and every bad line is reported ({@link ImportRejected}). {@code dryRun} only validates.
 * Answered with an {@link ImportReport}.
 */
public record ImportStatements(@TargetAggregateIdentifier String programmeId, List<ImportRow> rows, boolean dryRun) {
    public ImportStatements {
        Require.id("programmeId", programmeId);
        rows = Require.nonEmpty("rows", rows);
    }
}
