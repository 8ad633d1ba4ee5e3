package org.goldenthread.kernel.align;

/** What a party records: a value it holds, a behaviour that lives it, or a clause of a published standard. */
public enum ValueKind {
    VALUE,
    BEHAVIOUR,
    STANDARD
}
