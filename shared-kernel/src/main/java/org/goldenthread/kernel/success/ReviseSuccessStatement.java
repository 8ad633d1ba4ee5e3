package org.goldenthread.kernel.success;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Reword a success statement or change the root causes it answers; the earlier version stays in history. */
public record ReviseSuccessStatement(
        @TargetAggregateIdentifier String programmeId,
        String successId,
        String text,
        List<String> rootCauseIds,
        String reason) {
    public ReviseSuccessStatement {
        Require.id("programmeId", programmeId);
        Require.id("successId", successId);
        text = Require.text("text", text, 1000);
        rootCauseIds = Require.optionalIds("rootCauseIds", rootCauseIds);
        reason = Require.text("reason", reason, 500);
    }
}
