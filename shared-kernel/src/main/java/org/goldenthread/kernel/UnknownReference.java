package org.goldenthread.kernel;

/** An id that names nothing known (maps to 404). */
public class UnknownReference extends RuntimeException {
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
}
