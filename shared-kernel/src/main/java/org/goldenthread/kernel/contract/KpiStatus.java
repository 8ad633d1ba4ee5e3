package org.goldenthread.kernel.contract;

/** How an actual stands against the target in force for its period. */
public enum KpiStatus {
    ON_TRACK,
    AT_RISK,
    OFF_TRACK
}
