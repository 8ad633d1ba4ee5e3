/** The domain's beans: projections and the rules' configured resources. */
package org.goldenthread.infra.wiring;
