/**
 * Aligning values before contracting: the Alignment aggregate and its rules in {@code ValuesAlignment}. May use the
 * kernel, Axon and {@link org.goldenthread.command.organisation.Parties}.
 */
package org.goldenthread.command.align;
