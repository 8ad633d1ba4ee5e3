/** Step 6's rules: Ideas and the effort/impact Grid. Framework-free; may use the kernel only. */
package org.goldenthread.command.plan;
