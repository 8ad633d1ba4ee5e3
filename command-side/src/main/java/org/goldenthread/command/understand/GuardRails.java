package org.goldenthread.command.understand;

import java.util.List;
import java.util.Locale;
import org.goldenthread.kernel.PhraseMatcher;
import org.goldenthread.kernel.understand.*;

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

    private final PhraseMatcher rails;

    public GuardRails(List<String> phrases) {
        this.rails = new PhraseMatcher(phrases);
    }

    public static GuardRails withMethodDefaults() {
        return new GuardRails(METHOD_DEFAULTS);
    }

    public List<String> phrases() {
        return rails.phrases();
    }

    /** The guard rails the text reaches; empty when it reaches none. */
    public List<String> reasonsFor(String text) {
        return rails.found(text).stream()
                .map(p -> String.format(Locale.ROOT, REASON, p))
                .toList();
    }
}
