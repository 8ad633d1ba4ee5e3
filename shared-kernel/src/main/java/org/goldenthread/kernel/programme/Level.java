package org.goldenthread.kernel.programme;

/** The level a programme works at, which sets the sample guidance. */
public enum Level {
    UNIT,
    PROVIDER,
    SERVICE,
    POPULATION
}
