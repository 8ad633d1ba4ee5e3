/**
 * Step 3's read model of the theme votes, and the one vote read model every vote uses (PollDocuments). May use the
 * kernel and the MongoDB driver.
 */
package org.goldenthread.query.vote;
