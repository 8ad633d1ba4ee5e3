/** The read model of ballots on root causes and ideas. May use the kernel and the MongoDB driver. */
package org.goldenthread.query.ballot;
