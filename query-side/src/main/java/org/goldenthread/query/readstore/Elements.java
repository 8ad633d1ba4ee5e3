package org.goldenthread.query.readstore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** The list operations typed documents are changed with: sets in first-seen order, and elements kept by id. */
public final class Elements {

    private Elements() {}

    /** The list with the items added that it lacks (a set, in first-seen order); the same list when none is new. */
    public static <T> List<T> added(List<T> list, List<T> items) {
        List<T> out = null;
        for (T item : items) {
            if (!list.contains(item) && (out == null || !out.contains(item))) {
                if (out == null) {
                    out = new ArrayList<>(list);
                }
                out.add(item);
            }
        }
        return out == null ? list : List.copyOf(out);
    }

    /** The list without the item. */
    public static <T> List<T> removed(List<T> list, T item) {
        return list.stream().filter(x -> !x.equals(item)).toList();
    }

    /**
     * The list with the element of this id changed, or created, changed and appended when there is none (so the
     * elements keep the order they were first seen in).
     */
    public static <T> List<T> put(
            List<T> list, Function<T, String> id, String key, UnaryOperator<T> change, Supplier<T> create) {
        List<T> out = new ArrayList<>(list);
        for (int i = 0; i < out.size(); i++) {
            if (key.equals(id.apply(out.get(i)))) {
                out.set(i, change.apply(out.get(i)));
                return List.copyOf(out);
            }
        }
        out.add(change.apply(create.get()));
        return List.copyOf(out);
    }
}
