/**
 * Read models across steps 1–8: progress and each theme's work (steps 4–7). May use the kernel and the MongoDB driver.
 */
package org.goldenthread.query.progress;
