package org.goldenthread.kernel;

/** The perspective a workshop participant brings. */
public enum Perspective {
    PERSON,
    CARER_FAMILY,
    COMMISSIONER,
    PROVIDER,
    PRACTITIONER,
    OTHER
}
