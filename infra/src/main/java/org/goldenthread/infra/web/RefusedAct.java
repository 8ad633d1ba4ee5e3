package org.goldenthread.infra.web;

import org.goldenthread.kernel.Refusal;

/**
 * A command the programme refused, as the controllers see it: the {@link Refusal} it answered (mapped by {@link
 * ProblemHandler}).
 */
public class RefusedAct extends RuntimeException {

    private final transient Refusal refusal;

    public RefusedAct(Refusal refusal) {
        super(refusal.message(), null, false, false);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
