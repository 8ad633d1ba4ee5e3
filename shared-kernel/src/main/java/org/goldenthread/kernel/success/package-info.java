/** Step 5, Identify success: success statements per perspective and their measures. Records only. */
package org.goldenthread.kernel.success;
