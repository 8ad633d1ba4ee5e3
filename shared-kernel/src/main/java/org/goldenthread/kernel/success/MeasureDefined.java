package org.goldenthread.kernel.success;

import org.axonframework.serialization.Revision;

@Revision("1")
public record MeasureDefined(
        String programmeId,
        String measureId,
        String successId,
        String themeId,
        MeasureKind kind,
        String description,
        String dataSource,
        boolean alreadyCollected,
        boolean proxy,
        String unit,
        MeasureDirection direction,
        String owner,
        String frequency) {}
