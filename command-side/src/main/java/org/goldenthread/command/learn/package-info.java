/** Step 8's rules: Cycles (process reviews, reports, the next cycle). Framework-free; may use the kernel only. */
package org.goldenthread.command.learn;
