package org.goldenthread.kernel.contract;

/** What a KPI measures: the method wants outcomes (what changes for people) over outputs and inputs. */
public enum KpiLevel {
    OUTCOME,
    OUTPUT,
    INPUT
}
