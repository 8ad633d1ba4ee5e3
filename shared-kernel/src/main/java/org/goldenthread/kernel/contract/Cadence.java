package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a KPI is reported. Periods run from the contract's start: a quarterly KPI of a contract starting on 1 April
 * has periods starting 1 April, 1 July, 1 October, 1 January, each ending the day before the next begins (the last is
 * cut at the contract's end).
 */
public enum Cadence {
    MONTHLY(1),
    QUARTERLY(3),
    HALF_YEARLY(6),
    YEARLY(12);

    private final int months;

    Cadence(int months) {
        this.months = months;
    }

    public int months() {
        return months;
    }

    /** The periods of a contract running from {@code start} to {@code end} (both inclusive). */
    public List<Period> periods(LocalDate start, LocalDate end) {
        List<Period> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            LocalDate from = start.plusMonths((long) i * months);
            if (from.isAfter(end)) {
                return out;
            }
            LocalDate to = start.plusMonths((long) (i + 1) * months).minusDays(1);
            out.add(new Period(from, to.isAfter(end) ? end : to));
        }
    }

    /** The period starting on {@code periodStart}, if the cadence defines one within the contract. */
    public java.util.Optional<Period> period(LocalDate start, LocalDate end, LocalDate periodStart) {
        return periods(start, end).stream()
                .filter(p -> p.start().equals(periodStart))
                .findFirst();
    }

    /** One reporting period, both dates inclusive. */
    public record Period(LocalDate start, LocalDate end) {}
}
