package org.goldenthread.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lists of events and values, normalised once in their records' constructors: never null (an absent list is
 * empty — also in events stored before a list existed), never changed after. Readers need no null guards.
 */
public final class Lists {

    private Lists() {}

    public static <T> List<T> normal(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
