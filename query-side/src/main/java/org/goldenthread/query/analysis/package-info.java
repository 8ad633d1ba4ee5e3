/**
 * Views for analysts built from the event history (the analyst guide's worked example lives here). May use the kernel
 * and readstore.
 */
package org.goldenthread.query.analysis;
