package org.goldenthread.kernel.collect;

import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.SealedText;

/** A statement in the person's own words; the words are sealed under the person's key. */
public record StatementRecorded(
        String programmeId,
        String reviewId,
        String statementId,
        String person,
        Category category,
        int priority,
        SealedText text) {}
