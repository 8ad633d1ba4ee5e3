package org.goldenthread.infra;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * The service will not run with a door open (a guessable password, no master key): the start stops with one block
 * saying what is wrong and what to do, instead of a stack trace.
 */
public class RefusedToStart extends AbstractFailureAnalyzer<IllegalStateException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, IllegalStateException cause) {
        String message = cause.getMessage();
        if (message == null || !message.startsWith("Refusing to start")) {
            return null;
        }
        int action = message.indexOf(". ");
        return new FailureAnalysis(
                action < 0 ? message : message.substring(0, action + 1),
                action < 0 ? "See the README, Security." : message.substring(action + 2),
                cause);
    }
}
