/**
 * The Organisation aggregate (commissioning and provider organisations and the users who act for them) and
 * {@link org.goldenthread.command.organisation.Parties}, what contracts and alignments ask of organisations. May use
 * the kernel and Axon.
 */
package org.goldenthread.command.organisation;
