/**
 * What the read models share: how a projection says the shape of its documents ({@link
 * org.goldenthread.query.readstore.ReadModelVersion}).
 */
package org.goldenthread.query.readstore;
