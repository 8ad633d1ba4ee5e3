package org.goldenthread.kernel.collect;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.goldenthread.kernel.Category;
import org.goldenthread.kernel.Lists;

/**
 * Quality checkpoint: the statement reads as professional language or not in the first person.
 * Flagged, never rejected. {@code reasons} name lexicon phrases, never the person's words.
 */
@Revision("1")
public record StatementFlaggedAsProfessionalLanguage(
        String programmeId, String statementId, Category category, List<String> reasons) {
    public StatementFlaggedAsProfessionalLanguage {
        reasons = Lists.normal(reasons);
    }
}
