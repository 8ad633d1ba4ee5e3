package org.goldenthread.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * Prepare: launch a programme with its purpose statement ("We are using WTfC to … so that …") and level. The user who
 * launches it becomes its first facilitator.
 */
public record LaunchProgramme(@TargetAggregateIdentifier String programmeId, String purpose, Level level)
        implements ChangesMembership {
    public LaunchProgramme {
        Require.id("programmeId", programmeId);
        purpose = Require.text("purpose", purpose, 1000);
        Require.present("level", level);
    }
}
