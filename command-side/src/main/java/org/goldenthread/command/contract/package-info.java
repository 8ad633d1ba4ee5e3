/**
 * The Do stage on the command side: the Contract aggregate (a thin Axon shell) and its rules in {@code Contracting};
 * {@code ProgrammeFacts}, what a contract asks of its programmes; {@code AggregateDirectory}, which answers it and
 * {@link org.goldenthread.command.organisation.Parties} from the aggregates themselves. May use the kernel and Axon.
 */
package org.goldenthread.command.contract;
