package org.goldenthread.kernel.collect;

import java.util.List;

public record ImportReport(
        boolean dryRun,
        int rows,
        int reviews,
        int statements,
        int flagged,
        List<String> reviewIds,
        List<String> statementIds) {}
