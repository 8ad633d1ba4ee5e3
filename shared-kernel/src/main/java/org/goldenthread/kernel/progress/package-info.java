/** Views across the steps: where a programme stands and each theme's work; StepPolicy decides when a step is done. */
package org.goldenthread.kernel.progress;
