package org.goldenthread.kernel.programme;

/** Guidance from the method, shown but never enforced. {@code ok} false means the guidance is not met. */
public record Advisory(String topic, boolean ok, String message) {}
