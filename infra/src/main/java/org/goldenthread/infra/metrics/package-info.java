/** Metrics of acts (done, refused, failed) on the command bus. */
package org.goldenthread.infra.metrics;
