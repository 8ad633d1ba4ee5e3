/** The WTfC report: its data assembled from the views, rendered as HTML and PDF. */
package org.goldenthread.infra.report;
