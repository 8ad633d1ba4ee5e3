package org.goldenthread.understand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Step 4's guard rails: the five whys should avoid "the budget is inadequate" and broad statements about
 * "the nature of things" for as long as possible — a cause that reaches them means that branch of the
 * exercise is exhausted. Matching is whole-word and case-insensitive; a matching cause is flagged, never
 * refused. Reasons name the guard-rail phrase ("guard rail: 'budget'"), never the cause's words.
 */
public final class GuardRails {

    private static final String REASON = "guard rail: '%s'";

    /** The method's two guard rails (money, the nature of things), in a few everyday wordings. */
    public static final List<String> METHOD_DEFAULTS = List.of(
            "budget",
            "budgets",
            "funding",
            "underfunded",
            "not enough money",
            "cuts",
            "the nature of things",
            "human nature",
            "that's just how it is",
            "that's just the way it is",
            "the way things are",
            "always been like that");

    private final List<String> phrases;
    private final List<Pattern> patterns;

    public GuardRails(List<String> phrases) {
        this.phrases = phrases.stream().map(p -> normal(p).strip())
                .filter(p -> !p.isEmpty()).distinct().toList();
        this.patterns = this.phrases.stream().map(GuardRails::phrasePattern).toList();
    }

    public static GuardRails withMethodDefaults() {
        return new GuardRails(METHOD_DEFAULTS);
    }

    public List<String> phrases() {
        return phrases;
    }

    /** The guard rails the text reaches; empty when it reaches none. */
    public List<String> reasonsFor(String text) {
        String normal = text == null ? "" : normal(text);
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < phrases.size(); i++) {
            if (patterns.get(i).matcher(normal).find()) {
                reasons.add(String.format(Locale.ROOT, REASON, phrases.get(i)));
            }
        }
        return List.copyOf(reasons);
    }

    private static String normal(String text) {
        return text.replace('\u2019', '\'').replace('\u2018', '\'').replaceAll("\\s+", " ");
    }

    private static Pattern phrasePattern(String phrase) {
        String body = Pattern.quote(phrase).replace(" ", "\\E\\s+\\Q");
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + body + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
