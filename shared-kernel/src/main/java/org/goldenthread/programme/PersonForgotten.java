package org.goldenthread.programme;

public record PersonForgotten(String programmeId, String person, String reason) {
}
