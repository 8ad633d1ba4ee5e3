package org.goldenthread.kernel.contract;

import java.time.LocalDate;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Require;
import org.goldenthread.kernel.implement.Reading;
import org.goldenthread.kernel.success.MeasureDirection;
import org.goldenthread.kernel.success.MeasureKind;

/**
 * What a KPI says, in one version: its name, kind and unit, the baseline it starts from (value, date, source), the
 * target, the way things should move ({@code direction}) and how far from the target still counts as at risk
 * ({@code tolerance}, in the KPI's unit; quantitative only), how often it is reported, whether it measures an outcome,
 * an output or an input, and whether it is a prototype to be reviewed by {@code reviewBy}.
 */
public record KpiTerms(
        String name,
        MeasureKind kind,
        String unit,
        Reading baseline,
        String target,
        MeasureDirection direction,
        Double tolerance,
        Cadence cadence,
        KpiLevel level,
        boolean prototype,
        LocalDate reviewBy) {

    /** The terms checked field by field (each refusal names its field); quantitative values must be plain numbers. */
    public static KpiTerms validated(KpiTerms t) {
        Require.present("terms", t);
        String name = Require.text("name", t.name(), 200);
        MeasureKind kind = Require.present("kind", t.kind());
        String unit = Require.optionalText("unit", t.unit(), 100);
        Reading b = Require.present("baseline", t.baseline());
        Reading baseline = prefixed(
                "baseline.",
                () -> kind == MeasureKind.QUANTITATIVE
                        ? Reading.validatedNumber(b.value(), b.date(), b.source())
                        : Reading.validated(b.value(), b.date(), b.source()));
        String target = Require.text("target", t.target(), 1000);
        if (kind == MeasureKind.QUANTITATIVE) {
            prefixed("target.", () -> Reading.validatedNumber(target, b.date(), "target"));
        }
        MeasureDirection direction = Require.present("direction", t.direction());
        Double tolerance = t.tolerance();
        if (kind == MeasureKind.QUANTITATIVE) {
            Require.present("tolerance", tolerance);
            if (tolerance.isNaN() || tolerance < 0 || tolerance.isInfinite()) {
                throw new InvalidInput("tolerance", "tolerance must be a number of zero or more (in the KPI's unit)");
            }
        } else if (tolerance != null) {
            throw new InvalidInput("tolerance", "a qualitative KPI has no tolerance");
        }
        Cadence cadence = Require.present("cadence", t.cadence());
        KpiLevel level = Require.present("level", t.level());
        LocalDate reviewBy = Require.optionalDate("reviewBy", t.reviewBy());
        if (t.prototype() && reviewBy == null) {
            throw new InvalidInput("reviewBy", "a prototype KPI needs the date it is reviewed by (reviewBy)");
        }
        if (!t.prototype() && reviewBy != null) {
            throw new InvalidInput("reviewBy", "only a prototype KPI has a review date");
        }
        return new KpiTerms(
                name, kind, unit, baseline, target, direction, tolerance, cadence, level, t.prototype(), reviewBy);
    }

    /** The target as a number (quantitative KPIs), else null. */
    public Double targetNumber() {
        return new Reading(target, null, null).numeric();
    }

    private static Reading prefixed(String prefix, java.util.function.Supplier<Reading> check) {
        try {
            return check.get();
        } catch (InvalidInput e) {
            throw new InvalidInput(prefix + e.field(), prefix + e.getMessage());
        }
    }
}
