/**
 * Step 3, Theme: the card call — themes, clustering, parking, renames, merges and splits — and the board view. Records
 * only.
 */
package org.goldenthread.kernel.theme;
