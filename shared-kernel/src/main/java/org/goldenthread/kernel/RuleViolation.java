package org.goldenthread.kernel;

/**
 * An act the method does not allow in the current state (maps to 409). {@code rule} is a stable,
 * kebab-case name of the rule (e.g. {@code two-statements-per-category}); the message says it in words.
 */
public class RuleViolation extends RuntimeException implements Refusal.Refused {
    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Kind.RULE_VIOLATION, getMessage(), null, rule, null, null, null);
    }
}
