/** Step 7, Implement: action plans with their versions, milestones and baselines. Records only. */
package org.goldenthread.kernel.implement;
