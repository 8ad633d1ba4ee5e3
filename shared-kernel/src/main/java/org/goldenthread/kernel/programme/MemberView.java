package org.goldenthread.kernel.programme;

import java.time.Instant;

/** A member of a programme as the membership view holds them. */
public record MemberView(
        String programmeId, String username, MemberRole role, String organisation, Instant since, String grantedBy) {}
