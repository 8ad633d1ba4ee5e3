/** Step 3's card call rules: Boards and Board. Framework-free; may use the kernel only. */
package org.goldenthread.command.theme;
