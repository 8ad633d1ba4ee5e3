package org.goldenthread.kernel.thread;

/** Every link of a programme's thread with its interval (for auditors). Answered with a list of {@link ThreadLink}. */
public record FindThreadLinks(String programmeId) {}
