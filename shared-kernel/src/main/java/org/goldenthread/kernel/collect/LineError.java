package org.goldenthread.kernel.collect;

/** One bad line of an import: where ({@code line}, {@code field}), which rule ({@code rule}), and why in words. */
public record LineError(int line, String field, String rule, String reason) {}
