package org.goldenthread.kernel.thread;

import java.util.Locale;
import org.goldenthread.kernel.InvalidInput;

/** The kinds of thing on the golden thread, in the order the method creates them. */
public enum NodeType {
    STATEMENT,
    THEME,
    PRIORITY,
    CAUSE,
    SUCCESS,
    MEASURE,
    IDEA,
    PLAN,
    KPI,
    CONTRACT;

    /** Parses {@code type:id} (e.g. {@code measure:42}); throws {@link InvalidInput} naming {@code field}. */
    public static NodeRef parseRef(String field, String value) {
        if (value == null || !value.contains(":")) {
            throw new InvalidInput(
                    field,
                    field + " must be type:id, e.g. measure:"
                            + "<id> (types: statement, theme, priority, cause, success, measure, idea, plan, kpi, "
                            + "contract)");
        }
        String type = value.substring(0, value.indexOf(':')).trim().toUpperCase(Locale.ROOT);
        String id = value.substring(value.indexOf(':') + 1).trim();
        try {
            if (id.isEmpty()) {
                throw new IllegalArgumentException();
            }
            return new NodeRef(NodeType.valueOf(type), id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(
                    field,
                    field + " must be type:id with type one of statement, theme, priority, cause, "
                            + "success, measure, idea, plan, kpi, contract");
        }
    }

    public record NodeRef(NodeType type, String id) {
        @Override
        public String toString() {
            return type.name().toLowerCase(Locale.ROOT) + ":" + id;
        }
    }
}
