package org.goldenthread.kernel.theme;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;

@Revision("1")
public record StatementUnparked(String programmeId, Category category, String statementId) {}
