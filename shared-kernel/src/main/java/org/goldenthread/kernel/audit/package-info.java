/** The audit timeline: every act of a programme or contract, with who, when, what and why. Records only. */
package org.goldenthread.kernel.audit;
