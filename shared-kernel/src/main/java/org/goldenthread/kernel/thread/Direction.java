package org.goldenthread.kernel.thread;

/** BACK walks towards people's words (measure → success → cause → theme → statements); FORWARD towards actions. */
public enum Direction {
    BACK,
    FORWARD
}
