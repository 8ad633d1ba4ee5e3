/** Step 4, Understand: five-whys trees, causes, the guard rails' flags and the root causes chosen. Records only. */
package org.goldenthread.kernel.understand;
