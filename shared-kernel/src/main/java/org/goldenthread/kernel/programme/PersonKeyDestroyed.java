package org.goldenthread.kernel.programme;

/** The key that sealed a forgotten person's words is destroyed: the erasure they asked for is done. */
public record PersonKeyDestroyed(String programmeId, String person) {}
