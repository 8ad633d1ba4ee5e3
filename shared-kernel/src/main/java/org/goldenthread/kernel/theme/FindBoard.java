package org.goldenthread.kernel.theme;

import org.goldenthread.kernel.Category;

/** Answered with a {@link BoardView}; also used as a subscription query for live updates. */
public record FindBoard(String programmeId, Category category) {}
