package org.goldenthread.kernel.programme;

import org.axonframework.serialization.Revision;

/** The key that sealed a forgotten person's words is destroyed: the erasure they asked for is done. */
@Revision("1")
public record PersonKeyDestroyed(String programmeId, String person) {}
