/** Step 3's vote rules: VotingRounds and VotingRound (three votes each, the top four or five). Framework-free. */
package org.goldenthread.command.vote;
