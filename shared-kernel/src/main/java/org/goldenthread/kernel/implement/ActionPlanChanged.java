package org.goldenthread.kernel.implement;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The plan's new version; {@code linkedMeasureIds}/{@code unlinkedMeasureIds} are the tracking links it made and
 * unmade.
 */
@Revision("1")
public record ActionPlanChanged(
        String programmeId,
        String planId,
        String ideaId,
        String themeId,
        int version,
        PlanContent content,
        List<String> linkedMeasureIds,
        List<String> unlinkedMeasureIds,
        String reason) {}
