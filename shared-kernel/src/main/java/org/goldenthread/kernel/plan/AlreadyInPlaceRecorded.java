package org.goldenthread.kernel.plan;

public record AlreadyInPlaceRecorded(String programmeId, String itemId, String themeId, String description) {}
