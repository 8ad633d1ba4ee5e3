/**
 * The method's one vote rule (Poll, Ranking) and step 3's vote on themes: VotingRounds and VotingRound (three votes
 * each, the top four or five). Framework-free.
 */
package org.goldenthread.command.vote;
