/**
 * Aligning values before contracting: each party's values, behaviours or the published standard it works to, the
 * links saying which of one party's covers which of the other's, and the behaviours both agree to call out. Records
 * only.
 */
package org.goldenthread.kernel.align;
