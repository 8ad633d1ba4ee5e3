package org.goldenthread.kernel;

/** An id that names nothing known (maps to 404). */
public class UnknownReference extends RuntimeException implements Refusal.Refused {
    private final String kind;
    private final String id;

    public UnknownReference(String kind, String id) {
        super("no " + kind + " with id '" + id + "'");
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    @Override
    public Refusal refusal() {
        return new Refusal(Refusal.Kind.UNKNOWN_REFERENCE, getMessage(), null, null, kind, id, null);
    }
}
