package org.goldenthread.kernel.ballot;

/** What a ballot chooses among: the root causes of a theme (step 4) or the ideas for a theme (step 6). */
public enum BallotSubject {
    ROOT_CAUSES,
    IDEAS
}
