package org.goldenthread.kernel.programme;

public record PersonForgotten(String programmeId, String person, String reason) {}
