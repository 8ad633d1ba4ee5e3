package org.goldenthread.kernel.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Erase a person's words on request (crypto-shredding): their key is destroyed; the acts stay. */
public record ForgetPerson(@TargetAggregateIdentifier String programmeId, String person, String reason) {
    public ForgetPerson {
        Require.id("programmeId", programmeId);
        person = Require.text("person", person, 64);
        reason = Require.text("reason", reason, 500);
    }
}
