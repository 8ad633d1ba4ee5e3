package org.goldenthread.collect;

public record LineError(int line, String field, String reason) {
}
