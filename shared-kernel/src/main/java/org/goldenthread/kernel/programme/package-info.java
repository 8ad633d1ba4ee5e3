/**
 * Step 1, Prepare: programmes, sample plans, participants, members and their roles, and erasure (ForgetPerson,
 * ForgetParticipant). Records only; may use the kernel root.
 */
package org.goldenthread.kernel.programme;
