package org.goldenthread.kernel;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three categories a statement is given in; one theming board per category. */
public enum Category {
    WORKING,
    NOT_WORKING,
    FUTURE;

    /** Parses a category name, accepting any case and '-' for '_'; throws {@link InvalidInput} naming the field. */
    public static Category parse(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required (one of " + names() + ")");
        }
        String normal = value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Category c : values()) {
            if (c.name().equals(normal)) {
                return c;
            }
        }
        throw new InvalidInput(field, field + " must be one of " + names() + ", not '" + value + "'");
    }

    private static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
