package org.goldenthread.kernel.align;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.goldenthread.kernel.Require;

/** Starts aligning the values of a commissioning and a provider organisation (by a user of either). */
public record StartAlignment(
        @TargetAggregateIdentifier String alignmentId, String commissionerId, String providerId, String purpose)
        implements org.goldenthread.kernel.ChangesAccess {
    public StartAlignment {
        Require.id("alignmentId", alignmentId);
        Require.id("commissionerId", commissionerId);
        Require.id("providerId", providerId);
        purpose = Require.text("purpose", purpose, 1000);
    }
}
