/**
 * Step 3's read model: the theming boards (BoardProjection), also streamed live. May use the kernel and the MongoDB
 * driver.
 */
package org.goldenthread.query.theme;
