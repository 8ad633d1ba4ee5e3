/** Step 5's rules: SuccessStatements and their measures. Framework-free; may use the kernel only. */
package org.goldenthread.command.success;
