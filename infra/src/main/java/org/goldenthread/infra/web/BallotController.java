package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.ballot.BallotSubject;
import org.goldenthread.kernel.ballot.BallotView;
import org.goldenthread.kernel.ballot.CastBallotVote;
import org.goldenthread.kernel.ballot.CloseBallot;
import org.goldenthread.kernel.ballot.FindBallot;
import org.goldenthread.kernel.ballot.OpenBallot;
import org.goldenthread.kernel.ballot.WithdrawBallotVote;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Steps 4 and 6: the vote on a prioritised theme's root causes, and the vote on its ideas. */
@RestController
@RequestMapping("/api/programmes/{programmeId}/ballots")
@Tag(name = "Ballot")
public class BallotController {

    /** The method's numbers: three votes each, the top three go forward (root causes and ideas alike). */
    static final int DEFAULT_VOTES = 3;

    static final int DEFAULT_SELECT_TOP = 3;

    public record OpenRequest(String subject, String themeId, Integer votesPerParticipant, Integer selectTop) {}

    public record VoteRequest(String participantId, String optionId) {}

    private final Acts acts;
    private final OwnVotes ownVotes;

    public BallotController(Acts acts, OwnVotes ownVotes) {
        this.acts = acts;
        this.ownVotes = ownVotes;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping
    @Operation(
            summary = "Open a ballot on a prioritised theme's ROOT_CAUSES or IDEAS as they stand (default 3 "
                    + "votes each, top 3 chosen)")
    public ResponseEntity<Created.Ballot> open(@PathVariable String programmeId, @RequestBody OpenRequest request) {
        Acts.body(request);
        BallotSubject subject = Acts.parse(BallotSubject.class, "subject", request.subject());
        int votes = request.votesPerParticipant() == null ? DEFAULT_VOTES : request.votesPerParticipant();
        int top = request.selectTop() == null ? DEFAULT_SELECT_TOP : request.selectTop();
        String ballotId = Acts.newId();
        acts.send(new OpenBallot(programmeId, ballotId, subject, request.themeId(), votes, top));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/ballots/" + ballotId))
                .body(new Created.Ballot(ballotId));
    }

    @Access(Rule.READ)
    @GetMapping("/{ballotId}")
    @Operation(summary = "Tallies; once closed, the ranking (ties shown) and the chosen options")
    public BallotView get(@PathVariable String programmeId, @PathVariable String ballotId) {
        return acts.find(new FindBallot(programmeId, ballotId), BallotView.class, "ballot", ballotId);
    }

    @Access(Rule.VOTE)
    @GetMapping("/{ballotId}/votes")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "200",
            description = "The participant's votes and how many are left",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/json",
                            schema =
                                    @io.swagger.v3.oas.annotations.media.Schema(
                                            implementation = org.goldenthread.kernel.vote.ParticipantVotes.class)))
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "409",
            description = "Another participant's votes: a participant reads only their own (rule own-vote-only)",
            content =
                    @io.swagger.v3.oas.annotations.media.Content(
                            mediaType = "application/problem+json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(ref = "#/components/schemas/Problem")))
    @Operation(
            summary = "One participant's votes in the ballot and how many are left; a participant sees only their "
                    + "own (rule own-vote-only), a facilitator anyone's")
    public org.goldenthread.kernel.vote.ParticipantVotes votes(
            @PathVariable String programmeId,
            @PathVariable String ballotId,
            @io.swagger.v3.oas.annotations.Parameter(description = "the participant whose votes to show")
                    @org.springframework.web.bind.annotation.RequestParam
                    String participantId) {
        ownVotes.requireMayRead(programmeId, participantId);
        return acts.find(
                new org.goldenthread.kernel.ballot.FindParticipantBallotVotes(programmeId, ballotId, participantId),
                org.goldenthread.kernel.vote.ParticipantVotes.class,
                "ballot",
                ballotId);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.VOTE)
    @PostMapping("/{ballotId}/votes")
    @Operation(summary = "Cast a vote for an option (a participant casts their own; a facilitator may record any)")
    public ResponseEntity<Void> cast(
            @PathVariable String programmeId, @PathVariable String ballotId, @RequestBody VoteRequest request) {
        Acts.body(request);
        acts.send(new CastBallotVote(programmeId, ballotId, request.participantId(), request.optionId()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.VOTE)
    @DeleteMapping("/{ballotId}/votes")
    @Operation(summary = "Withdraw a vote while the ballot is open")
    public ResponseEntity<Void> withdraw(
            @PathVariable String programmeId, @PathVariable String ballotId, @RequestBody VoteRequest request) {
        Acts.body(request);
        acts.send(new WithdrawBallotVote(programmeId, ballotId, request.participantId(), request.optionId()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/{ballotId}/close")
    @Operation(
            summary =
                    "Close the ballot: ranks the options and chooses the top ones (ties at the cut-off all go forward)")
    public ResponseEntity<Void> close(@PathVariable String programmeId, @PathVariable String ballotId) {
        acts.send(new CloseBallot(programmeId, ballotId));
        return ResponseEntity.noContent().build();
    }
}
