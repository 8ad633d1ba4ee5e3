/**
 * The Programme aggregate (one consistency boundary per programme) and step 1's rules: Members, Participants. May use
 * the kernel only.
 */
package org.goldenthread.command.programme;
