package org.goldenthread.kernel.ballot;

/** An option as it stood when the ballot opened. */
public record BallotOption(String optionId, String label) {}
