/** Step 8, Learning and review: actuals, process reviews, the WTfC report, the next cycle. Records only. */
package org.goldenthread.kernel.learn;
