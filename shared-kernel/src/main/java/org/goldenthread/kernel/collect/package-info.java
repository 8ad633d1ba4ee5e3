/**
 * Step 2, Collect: reviews of people's care and the statements in them (sealed words), CSV imports, the quality
 * checkpoint's flags. Records only.
 */
package org.goldenthread.kernel.collect;
