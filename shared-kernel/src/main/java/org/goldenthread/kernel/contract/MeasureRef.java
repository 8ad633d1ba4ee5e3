package org.goldenthread.kernel.contract;

import org.goldenthread.kernel.Require;

/** A measure agreed in a programme's step 5, which a KPI is derived from (and inherits its thread). */
public record MeasureRef(String programmeId, String measureId) {
    public static MeasureRef validated(MeasureRef m) {
        if (m == null) {
            return null;
        }
        return new MeasureRef(
                Require.id("derivedFrom.programmeId", m.programmeId()),
                Require.id("derivedFrom.measureId", m.measureId()));
    }
}
