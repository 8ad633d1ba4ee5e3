/** --demo: the demo programme built from the method's own examples. */
package org.goldenthread.infra.demo;
