package org.goldenthread.kernel.thread;

public record UntracedItem(String type, String id, String label, String reason) {}
