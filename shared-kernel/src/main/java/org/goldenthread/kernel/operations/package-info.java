/** Operators' acts recorded for auditors: a read model rebuilt from the events (no programme's words). Records only. */
package org.goldenthread.kernel.operations;
