/**
 * Organisations: commissioning and provider organisations and the users who act for them (the Do stage's parties).
 * Records only.
 */
package org.goldenthread.kernel.organisation;
