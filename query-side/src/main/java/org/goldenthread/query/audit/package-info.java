/** The audit timeline: every act, stream by stream, with its summary. May use the kernel and readstore. */
package org.goldenthread.query.audit;
