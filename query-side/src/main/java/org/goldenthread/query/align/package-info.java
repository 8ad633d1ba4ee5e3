/**
 * The values alignment view: each party's values, the cover links, the agreed call-outs. May use the kernel and
 * readstore.
 */
package org.goldenthread.query.align;
