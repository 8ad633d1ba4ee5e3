package org.goldenthread.kernel.theme;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;

/** A statement went into a theme from the unclustered pile or, if {@code fromParked}, from the parked pile. */
@Revision("1")
public record StatementClustered(
        String programmeId, Category category, String statementId, String themeId, boolean fromParked) {}
