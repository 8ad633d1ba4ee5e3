package org.goldenthread.kernel.plan;

/** Ideas are generated in three modes; DIFFERENT means community-based, outside service land. */
public enum IdeaMode {
    TRADITIONAL,
    RADICAL,
    DIFFERENT
}
