package org.goldenthread.kernel.contract;

/** The way the last two actuals moved, read in the KPI's desired direction. */
public enum KpiTrend {
    IMPROVING,
    STEADY,
    WORSENING
}
