package org.goldenthread.kernel;

import java.util.List;

/**
 * What a refused act says, as data: the kind of refusal, the message, and what it names (the field, the rule, the
 * unknown reference, the bad lines of a file). Every refusal exception answers one ({@link Refused#refusal()}), so
 * it can travel where an exception cannot (through Axon Server, as a command's error details) and every adapter
 * maps it the same way: 400 invalid input, 404 unknown reference, 409 rule of the method.
 */
public record Refusal(
        Kind kind, String message, String field, String rule, String refKind, String refId, List<Line> lines) {

    public enum Kind {
        INVALID_INPUT,
        UNKNOWN_REFERENCE,
        RULE_VIOLATION
    }

    /** One bad line of an imported file. */
    public record Line(int line, String field, String rule, String reason) {}

    public Refusal {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** A refusal exception: it can say what it refuses as a {@link Refusal}. */
    public interface Refused {
        Refusal refusal();
    }
}
