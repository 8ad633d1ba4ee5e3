package org.goldenthread.implement;

import org.goldenthread.kernel.Require;

import java.time.LocalDate;

/**
 * A value of a measure on a date from a source: a number for quantitative measures, words for
 * qualitative ones ({@code value} is kept as given; {@link #numeric()} reads it as a number when it is one).
 */
public record Reading(String value, LocalDate date, String source) {

    public static Reading validated(String value, LocalDate date, String source) {
        return new Reading(Require.text("value", value, 1000), Require.present("date", date), Require.text("source", source, 500));
    }

    public Double numeric() {
        try {
            return Double.valueOf(value.strip().replace(",", "").replace("£", "").replace("%", ""));
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
