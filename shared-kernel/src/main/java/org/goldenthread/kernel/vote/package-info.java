/** Step 3, Vote: the vote on NOT_WORKING themes that prioritises the top four or five. Records only. */
package org.goldenthread.kernel.vote;
