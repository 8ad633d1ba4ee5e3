package org.goldenthread.kernel.contract;

import java.util.Set;

/**
 * The contracts of which one of {@code organisationIds} is a party (every contract when null), newest first. Answered
 * with a list of {@link ContractView}.
 */
public record FindContracts(Set<String> organisationIds) {}
