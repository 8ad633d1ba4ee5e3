/**
 * The organisations view: each organisation, its kind and the users who act for it. May use the kernel and
 * readstore.
 */
package org.goldenthread.query.organisation;
