package org.goldenthread.query.readstore;

/** Ids of documents that belong to one programme: the programme's id, then the parts, joined by {@code |}. */
public final class ScopedId {

    private ScopedId() {}

    /** {@code programmeId|part|…}. */
    public static String of(String programmeId, String... parts) {
        StringBuilder id = new StringBuilder(programmeId);
        for (String part : parts) {
            id.append('|').append(part);
        }
        return id.toString();
    }
}
