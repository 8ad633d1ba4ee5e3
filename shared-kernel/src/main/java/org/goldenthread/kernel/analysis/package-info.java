/**
 * Analysis: the pseudonymised views analysts read — counts only, never words, pseudonyms or names, and every count of
 * fewer than the threshold (5 by default) shown as {@code <5} ({@link org.goldenthread.kernel.analysis.SmallCells}).
 */
package org.goldenthread.kernel.analysis;
