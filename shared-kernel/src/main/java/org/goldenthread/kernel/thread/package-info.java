/** The golden thread: the links from any node back to people's words or forward to what was done. Records only. */
package org.goldenthread.kernel.thread;
