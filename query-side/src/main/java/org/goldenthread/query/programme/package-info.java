/**
 * Step 1's read models: the programme view (with erasures) and the memberships every access check reads. May use the
 * kernel and the MongoDB driver.
 */
package org.goldenthread.query.programme;
