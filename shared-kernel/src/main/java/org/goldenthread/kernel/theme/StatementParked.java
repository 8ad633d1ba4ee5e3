package org.goldenthread.kernel.theme;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;

/** {@code fromThemeId} is null when the statement was unclustered. */
@Revision("1")
public record StatementParked(String programmeId, Category category, String statementId, String fromThemeId) {}
