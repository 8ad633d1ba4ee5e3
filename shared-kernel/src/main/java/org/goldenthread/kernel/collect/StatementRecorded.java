package org.goldenthread.kernel.collect;

import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.SealedText;

/** A statement in the person's own words; the words are sealed under the person's key. */
@Revision("1")
public record StatementRecorded(
        String programmeId,
        String reviewId,
        String statementId,
        String person,
        Category category,
        int priority,
        SealedText text) {}
