package org.goldenthread.command.implement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.implement.*;
import org.goldenthread.kernel.learn.ActualRecorded;
import org.goldenthread.kernel.learn.RecordActual;
import org.goldenthread.kernel.success.MeasureKind;

/**
 * Steps 7 and 8: each measure is baselined once (value, date, source) so progress can be tracked; actuals
 * are recorded against the baseline, so only for a baselined measure and never dated before its baseline.
 */
public final class Baselines {

    private final Map<String, Reading> baselines = new LinkedHashMap<>();

    // ---- decisions

    /** {@code measureKind}: the measure's kind; throws when the measure does not exist. */
    public List<Object> baseline(BaselineMeasure c, Function<String, MeasureKind> measureKind) {
        Reading baseline = validated(c.baseline(), measureKind.apply(c.measureId()));
        if (baselines.containsKey(c.measureId())) {
            throw new RuleViolation(
                    "baselined-once",
                    "measure '" + c.measureId() + "' is already baselined ("
                            + baselines.get(c.measureId()).date() + "); record actuals against it");
        }
        return List.of(new MeasureBaselined(c.programmeId(), c.measureId(), baseline));
    }

    public List<Object> actual(RecordActual c, Function<String, MeasureKind> measureKind) {
        Reading actual = validated(c.actual(), measureKind.apply(c.measureId()));
        Reading baseline = baselines.get(c.measureId());
        if (baseline == null) {
            throw new RuleViolation(
                    "baseline-first",
                    "measure '" + c.measureId() + "' has no baseline yet; baseline it before recording actuals");
        }
        if (actual.date().isBefore(baseline.date())) {
            throw new RuleViolation(
                    "actual-after-baseline",
                    "an actual of measure '" + c.measureId() + "' is dated on or after its baseline (" + baseline.date()
                            + ")");
        }
        return List.of(new ActualRecorded(c.programmeId(), c.measureId(), actual));
    }

    /** A reading of a quantitative measure is a plain number; a qualitative one is words. */
    private static Reading validated(Reading r, MeasureKind kind) {
        return kind == MeasureKind.QUANTITATIVE
                ? Reading.validatedNumber(r.value(), r.date(), r.source())
                : Reading.validated(r.value(), r.date(), r.source());
    }

    // ---- evolution

    public void evolve(MeasureBaselined e) {
        baselines.put(e.measureId(), e.baseline());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baselines b && baselines.equals(b.baselines);
    }

    @Override
    public int hashCode() {
        return Objects.hash(baselines);
    }
}
