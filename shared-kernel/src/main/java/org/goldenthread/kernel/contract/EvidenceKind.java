package org.goldenthread.kernel.contract;

/** Qualitative insight beside the numbers: a quote in someone's words, or a story. */
public enum EvidenceKind {
    QUOTE,
    STORY
}
