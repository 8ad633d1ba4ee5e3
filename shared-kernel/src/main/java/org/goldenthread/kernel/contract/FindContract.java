package org.goldenthread.kernel.contract;

import java.time.Instant;
import org.goldenthread.kernel.Require;

/** One contract as it stood at {@code asOf} (now when null): a {@link ContractView}, or null when unknown then. */
public record FindContract(String contractId, Instant asOf) {
    public FindContract {
        Require.id("contractId", contractId);
        asOf = Require.optionalInstant("asOf", asOf);
    }
}
