/**
 * The stores: events (H2, PostgreSQL, Axon Server), read store, keys and master key, erasure, durability, dead letters,
 * read-your-writes, snapshots.
 */
package org.goldenthread.infra.store;
