/** Step 7's rules: ActionPlans and Baselines. Framework-free; may use the kernel only. */
package org.goldenthread.command.implement;
