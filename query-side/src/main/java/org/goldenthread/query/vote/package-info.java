/** Step 3's read model of the theme votes. May use the kernel and the MongoDB driver. */
package org.goldenthread.query.vote;
