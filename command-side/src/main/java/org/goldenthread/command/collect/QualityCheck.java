package org.goldenthread.command.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.goldenthread.kernel.PhraseMatcher;
import org.goldenthread.kernel.collect.*;

/**
 * Step 2's quality checkpoint: statements should be in the person's own words. A statement that uses
 * service-land phrases, or is not in the first person, is a symptom of poor practice; it is flagged,
 * never rejected. Reasons name the lexicon phrase, never the person's words.
 */
public final class QualityCheck {

    public static final String NOT_FIRST_PERSON = "not in the first person";
    private static final String PROFESSIONAL = "professional language: '%s'";

    /** Examples from the method, and a handful of similar service-land phrases. */
    public static final List<String> SEED_LEXICON = List.of(
            "balance of their dietary intake",
            "addressing social isolation",
            "service user",
            "meaningful activities",
            "social inclusion",
            "personal care needs",
            "access the community",
            "activities of daily living",
            "care package",
            "presenting needs",
            "challenging behaviour",
            "support needs");

    private static final Pattern FIRST_PERSON = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(i|i'm|i've|i'd|i'll|me|my|mine|myself|we|us|our|ours|ourselves)(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final PhraseMatcher lexicon;

    public QualityCheck(List<String> professionalPhrases) {
        this.lexicon = new PhraseMatcher(professionalPhrases);
    }

    public static QualityCheck withSeedLexicon() {
        return new QualityCheck(SEED_LEXICON);
    }

    public List<String> phrases() {
        return lexicon.phrases();
    }

    /** The reasons the text is flagged; empty when it reads as the person's own words. */
    public List<String> reasonsFor(String text) {
        List<String> reasons = new ArrayList<>();
        for (String phrase : lexicon.found(text)) {
            reasons.add(String.format(Locale.ROOT, PROFESSIONAL, phrase));
        }
        if (!FIRST_PERSON.matcher(PhraseMatcher.normal(text)).find()) {
            reasons.add(NOT_FIRST_PERSON);
        }
        return List.copyOf(reasons);
    }
}
