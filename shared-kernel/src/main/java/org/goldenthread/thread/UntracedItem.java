package org.goldenthread.thread;

public record UntracedItem(String type, String id, String label, String reason) {
}
