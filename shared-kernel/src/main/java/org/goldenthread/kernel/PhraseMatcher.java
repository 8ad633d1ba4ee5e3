package org.goldenthread.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds configured phrases in a text: whole words only, case-insensitive, any run of spaces between the words,
 * curly apostrophes read as straight ones. One implementation for the quality checkpoint's professional-language
 * lexicon and the five whys' guard rails.
 */
public final class PhraseMatcher {

    private final List<String> phrases;
    private final List<Pattern> patterns;

    public PhraseMatcher(List<String> phrases) {
        this.phrases = phrases.stream()
                .map(p -> normal(p).strip())
                .filter(p -> !p.isEmpty())
                .distinct()
                .toList();
        this.patterns = this.phrases.stream().map(PhraseMatcher::pattern).toList();
    }

    /** The phrases matched, normalised, in the order given. */
    public List<String> phrases() {
        return phrases;
    }

    /** The phrases the text contains, in the order given. */
    public List<String> found(String text) {
        String normal = normal(text);
        List<String> found = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            if (patterns.get(i).matcher(normal).find()) {
                found.add(phrases.get(i));
            }
        }
        return List.copyOf(found);
    }

    /** Curly apostrophes as straight ones, every run of white space as one space. */
    public static String normal(String text) {
        return text == null
                ? ""
                : text.replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ");
    }

    private static Pattern pattern(String phrase) {
        String body = Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q");
        return Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
