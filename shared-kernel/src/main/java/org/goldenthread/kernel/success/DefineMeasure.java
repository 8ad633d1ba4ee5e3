package org.goldenthread.kernel.success;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/**
 * "How else would you know?": a measure for a success statement — specific, adoptable, collectable;
 * prefer data already collected; proxies allowed.
 */
public record DefineMeasure(
        @TargetAggregateIdentifier String programmeId,
        String measureId,
        String successId,
        MeasureKind kind,
        String description,
        String dataSource,
        boolean alreadyCollected,
        boolean proxy,
        String unit,
        MeasureDirection direction,
        String owner,
        String frequency) {
    public DefineMeasure {
        Require.id("programmeId", programmeId);
        Require.id("measureId", measureId);
        Require.id("successId", successId);
        Require.present("kind", kind);
        description = Require.text("description", description, 1000);
        dataSource = Require.text("dataSource", dataSource, 500);
        unit = Require.optionalText("unit", unit, 100);
        Require.present("direction", direction);
        owner = Require.text("owner", owner, 200);
        frequency = Require.text("frequency", frequency, 100);
    }
}
