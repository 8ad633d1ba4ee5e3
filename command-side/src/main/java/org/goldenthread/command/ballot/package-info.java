/** The rules of ballots on root causes and ideas: Ballots and Ballot. Framework-free; may use the kernel only. */
package org.goldenthread.command.ballot;
