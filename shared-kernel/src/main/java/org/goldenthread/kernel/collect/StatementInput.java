package org.goldenthread.kernel.collect;

import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/** One statement given in a review, in the person's own words. */
public record StatementInput(String statementId, Category category, int priority, String text) {

    public static final int MAX_TEXT = 500;

    public StatementInput {
        Require.id("statementId", statementId);
        Require.present("category", category);
        if (priority != 1 && priority != 2) {
            throw new InvalidInput(
                    "priority", "priority must be 1 or 2 (at most the two top-priority statements per category)");
        }
        text = Require.text("text", text, MAX_TEXT);
    }
}
