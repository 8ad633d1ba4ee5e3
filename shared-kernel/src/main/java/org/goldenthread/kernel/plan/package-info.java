/** Step 6, Plan: what is already in place, ideas in three modes, the effort/impact grid. Records only. */
package org.goldenthread.kernel.plan;
