package org.goldenthread.kernel.plan;

import org.axonframework.serialization.Revision;

@Revision("1")
public record AlreadyInPlaceRecorded(String programmeId, String itemId, String themeId, String description) {}
