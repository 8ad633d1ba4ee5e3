package org.goldenthread.kernel;

import java.util.List;

/** Small guards used by command records to validate their own fields (throwing {@link InvalidInput}). */
public final class Require {
    private Require() {
    }

    public static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidInput(field, field + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    public static <T> List<T> nonEmpty(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInput(field, field + " must name at least one item");
        }
        if (values.stream().anyMatch(v -> v == null)) {
            throw new InvalidInput(field, field + " must not contain null");
        }
        return List.copyOf(values);
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInput(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }
}
