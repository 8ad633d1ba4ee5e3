package org.goldenthread.kernel;

/**
 * A command that changes who may see or do what (a programme's membership, an organisation's users, the parties of a
 * new contract or alignment): access checks read their views only once these have processed the last of them.
 */
public interface ChangesAccess {}
