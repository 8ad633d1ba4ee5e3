package org.goldenthread.kernel.collect;

import java.util.regex.Pattern;
import org.goldenthread.kernel.InvalidInput;

/** A person is held under a pseudonym (letters, digits, '.', '_', '-'; no spaces, so no full names). */
public final class Pseudonym {
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private Pseudonym() {}

    public static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " (a pseudonym) is required");
        }
        String v = value.strip();
        if (!FORM.matcher(v).matches()) {
            throw new InvalidInput(
                    field, field + " must be a pseudonym of 1–64 letters, digits, '.', '_' or '-' (never a name)");
        }
        return v;
    }
}
