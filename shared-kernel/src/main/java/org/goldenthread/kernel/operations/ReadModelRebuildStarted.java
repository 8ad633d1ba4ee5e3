package org.goldenthread.kernel.operations;

import org.axonframework.serialization.Revision;

/**
 * An operator reset a read model (processing group) to rebuild it from the first event, with a reason; who did it is
 * the event's actor. Not an act on any programme: no projection handles it.
 */
@Revision("1")
public record ReadModelRebuildStarted(String readModel, long fromPosition, long toPosition, String reason) {}
