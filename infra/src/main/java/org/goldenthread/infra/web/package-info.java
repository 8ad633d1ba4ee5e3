/**
 * The REST API: controllers that turn HTTP into commands and queries and refusals into problem+json; no rule of the
 * method lives here.
 */
package org.goldenthread.infra.web;
