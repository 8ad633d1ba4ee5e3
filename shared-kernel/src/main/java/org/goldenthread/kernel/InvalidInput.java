package org.goldenthread.kernel;

/** Input that is malformed whatever the state (maps to 400); names the offending field. */
public class InvalidInput extends RuntimeException implements Refusal.Refused {
    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Kind.INVALID_INPUT, getMessage(), field, null, null, null, null);
    }
}
