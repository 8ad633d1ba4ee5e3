package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a write that creates something answers (201, with the new thing's address as {@code Location}). */
public final class Created {

    private Created() {}

    public record Programme(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String programmeId) {}

    public record Participant(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String participantId) {}

    public record Theme(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String themeId) {}

    public record Voting(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String votingId) {}

    public record Ballot(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String ballotId) {}

    public record Why(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String whyId) {}

    public record Cause(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String causeId) {}

    public record SuccessStatement(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String successId) {}

    public record Measure(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String measureId) {}

    public record InPlaceItem(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String itemId) {}

    public record Idea(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String ideaId) {}

    public record ProcessReview(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String reviewId) {}

    public record Report(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String reportId) {}

    /** ForgetPerson's answer (202): the person's key is destroyed; views show their words as erased. */
    /** An erasure asked for: its status (PENDING at first) and where to follow it. */
    public record Forgotten(String programmeId, String person, String status, String statusUrl) {}
}
