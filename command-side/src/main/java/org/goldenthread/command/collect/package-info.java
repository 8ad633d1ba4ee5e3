/**
 * Step 2's rules: StatementCollection (reviews, imports, forgetting a person) and the QualityCheck. Framework-free; may
 * use the kernel only.
 */
package org.goldenthread.command.collect;
