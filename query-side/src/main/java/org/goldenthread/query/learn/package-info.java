/** Step 8's read model: process reviews and the data of reports. May use the kernel and the MongoDB driver. */
package org.goldenthread.query.learn;
