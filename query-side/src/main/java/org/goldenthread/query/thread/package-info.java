/**
 * The golden thread's read model: links as intervals, walked back and forward. May use the kernel and the MongoDB
 * driver.
 */
package org.goldenthread.query.thread;
