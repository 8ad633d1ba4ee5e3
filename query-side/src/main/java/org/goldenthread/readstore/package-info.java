/** What the read models share: how a projection says the shape of its documents ({@link org.goldenthread.readstore.ReadModelVersion}). */
package org.goldenthread.readstore;
