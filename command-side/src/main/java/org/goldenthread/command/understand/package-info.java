/** Step 4's rules: FiveWhys and the GuardRails. Framework-free; may use the kernel only. */
package org.goldenthread.command.understand;
