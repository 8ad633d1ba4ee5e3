package org.goldenthread.kernel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Small guards used by command records to validate their own fields (throwing {@link InvalidInput} naming the
 * field). They are the root of validation: whatever adapter builds a command, no field of it can be null, blank or
 * malformed, and no element of a list can be.
 *
 * <p>Blank means Unicode blank: text made only of spaces of any kind (no-break, em, ideographic…), zero-width and
 * other format characters, or control characters is blank. Text may not contain control characters other than
 * tab and line breaks, nor unpaired surrogates.
 */
public final class Require {

    /** The longest id (ids are minted by the service: UUIDs, or short fixed ids like the demo's). */
    public static final int MAX_ID = 128;
    /** Dates the method can mean: a review, a baseline, a milestone. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._~:-]*");

    private Require() {}

    /** Required text: not blank (in the Unicode sense), no control characters, at most {@code maxLength}; stripped. */
    public static String text(String field, String value, int maxLength) {
        if (isBlank(value)) {
            throw new InvalidInput(field, field + " must not be blank");
        }
        String stripped = strip(value);
        checkCharacters(field, stripped);
        if (stripped.length() > maxLength) {
            throw new InvalidInput(field, field + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** Optional text: null when absent or blank, otherwise as {@link #text}. */
    public static String optionalText(String field, String value, int maxLength) {
        return isBlank(value) ? null : text(field, value, maxLength);
    }

    /** Required texts: at least one, each as {@link #text} (named {@code field[i]}). */
    public static List<String> texts(String field, List<String> values, int maxLength) {
        List<String> list = nonEmpty(field, values);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(text(field + "[" + i + "]", list.get(i), maxLength));
        }
        return List.copyOf(out);
    }

    /** Optional texts: empty when absent; otherwise each as {@link #text}. */
    public static List<String> optionalTexts(String field, List<String> values, int maxLength) {
        return values == null || values.isEmpty() ? List.of() : texts(field, values, maxLength);
    }

    /** An id: letters, digits and {@code . _ ~ : -}, starting with a letter or digit, at most {@value #MAX_ID}. */
    public static String id(String field, String value) {
        if (isBlank(value)) {
            throw new InvalidInput(field, field + " is required");
        }
        if (value.length() > MAX_ID) {
            throw new InvalidInput(field, field + " must be at most " + MAX_ID + " characters");
        }
        if (!ID.matcher(value).matches()) {
            throw new InvalidInput(field, field + " must be an id of letters, digits, '.', '_', '~', ':' or '-'");
        }
        return value;
    }

    /**
     * Required ids: at least one, each an {@link #id} (named {@code field[i]}); the rules say whether one may repeat.
     */
    public static List<String> ids(String field, List<String> values) {
        List<String> list = nonEmpty(field, values);
        for (int i = 0; i < list.size(); i++) {
            id(field + "[" + i + "]", list.get(i));
        }
        return list;
    }

    /** Optional ids: empty when absent; otherwise as {@link #ids}. */
    public static List<String> optionalIds(String field, List<String> values) {
        return values == null || values.isEmpty() ? List.of() : ids(field, values);
    }

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return value;
    }

    /** At least one element, none of them null (the first null is named {@code field[i]}). */
    public static <T> List<T> nonEmpty(String field, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidInput(field, field + " must name at least one item");
        }
        return noNulls(field, values);
    }

    /** An optional list: empty when absent; no element null. */
    public static <T> List<T> optional(String field, List<T> values) {
        return values == null ? List.of() : noNulls(field, values);
    }

    private static <T> List<T> noNulls(String field, List<T> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidInput(field + "[" + i + "]", field + "[" + i + "] is required");
            }
        }
        return List.copyOf(values);
    }

    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidInput(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** A required date between {@link #EARLIEST} and {@link #LATEST}. */
    public static LocalDate date(String field, LocalDate value) {
        present(field, value);
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new InvalidInput(field, field + " must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    /** An optional date, as {@link #date} when given. */
    public static LocalDate optionalDate(String field, LocalDate value) {
        return value == null ? null : date(field, value);
    }

    /** An optional instant within the same range as {@link #date}. */
    public static Instant optionalInstant(String field, Instant value) {
        if (value == null) {
            return null;
        }
        if (value.isBefore(EARLIEST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                || value.isAfter(LATEST.plusDays(1)
                        .atStartOfDay(java.time.ZoneOffset.UTC)
                        .toInstant())) {
            throw new InvalidInput(field, field + " must be between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }

    // ---- Unicode blank

    /**
     * True for null, empty, or text made only of invisible characters (Unicode spaces, format and control characters).
     */
    public static boolean isBlank(String value) {
        if (value == null) {
            return true;
        }
        return value.codePoints().allMatch(Require::invisible);
    }

    /** The text without invisible characters at either end. */
    public static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end) {
            int cp = value.codePointAt(start);
            if (!invisible(cp)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = value.codePointBefore(end);
            if (!invisible(cp)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return value.substring(start, end);
    }

    private static boolean invisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        if (type == Character.FORMAT || type == Character.CONTROL) {
            return true;
        }
        // letters that render as nothing (Hangul fillers) and the blank Braille pattern
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800;
    }

    private static void checkCharacters(String field, String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.CONTROL && cp != '\t' && cp != '\n' && cp != '\r') {
                throw new InvalidInput(field, field + " must not contain control characters");
            }
            if (type == Character.SURROGATE) {
                throw new InvalidInput(field, field + " must not contain unpaired surrogates");
            }
            i += Character.charCount(cp);
        }
    }
}
