/** Ballots on root causes (step 4) and on ideas (step 6). Records only. */
package org.goldenthread.kernel.ballot;
