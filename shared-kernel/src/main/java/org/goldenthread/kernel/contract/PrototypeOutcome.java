package org.goldenthread.kernel.contract;

/** What a prototype KPI's review decides: keep it as it is, revise it, or retire it. */
public enum PrototypeOutcome {
    KEEP,
    REVISE,
    RETIRE
}
