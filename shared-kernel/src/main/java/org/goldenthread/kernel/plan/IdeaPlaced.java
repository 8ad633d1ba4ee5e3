package org.goldenthread.kernel.plan;

import org.axonframework.serialization.Revision;

/**
 * One participant's placement, and the idea's position after it: the median of all current placements,
 * their spread (max − min) on each axis, and the derived quadrant.
 */
@Revision("1")
public record IdeaPlaced(
        String programmeId,
        String ideaId,
        String themeId,
        String participantId,
        int effort,
        int impact,
        double medianEffort,
        double medianImpact,
        int effortSpread,
        int impactSpread,
        int placements,
        Quadrant quadrant) {}
