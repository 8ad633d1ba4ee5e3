package org.goldenthread.kernel.implement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;

/**
 * A value of a measure on a date from a source: a number for quantitative measures, words for
 * qualitative ones ({@code value} is kept as given; {@link #numeric()} reads it as a number when it is one).
 */
public record Reading(String value, LocalDate date, String source) {

    /** A plain decimal number: digits with an optional sign and a '.' fraction; no thousands separators, no units. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]{1,15}(\\.[0-9]{1,10})?");

    public static Reading validated(String value, LocalDate date, String source) {
        return new Reading(
                Require.text("value", value, 1000), Require.date("date", date), Require.text("source", source, 500));
    }

    /**
     * A reading of a quantitative measure: its value must be a plain number ("1,5" and "lots" are refused, naming the
     * field).
     */
    public static Reading validatedNumber(String value, LocalDate date, String source) {
        Reading r = validated(value, date, source);
        if (!NUMBER.matcher(r.value()).matches()) {
            throw new InvalidInput(
                    "value",
                    "a quantitative measure's value is a plain number such as 12 or 3.5 "
                            + "(a '.' for decimals; no thousands separators or units), not '" + r.value() + "'");
        }
        return r;
    }

    /** The value as a number when it is a plain number ({@link #validatedNumber}'s form), otherwise null. */
    public Double numeric() {
        if (value == null || !NUMBER.matcher(value.strip()).matches()) {
            return null;
        }
        return new BigDecimal(value.strip()).doubleValue();
    }
}
