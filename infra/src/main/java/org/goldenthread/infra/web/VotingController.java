package org.goldenthread.infra.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.goldenthread.infra.security.Access;
import org.goldenthread.infra.security.Rule;
import org.goldenthread.kernel.vote.CastVote;
import org.goldenthread.kernel.vote.CloseVoting;
import org.goldenthread.kernel.vote.FindParticipantVotes;
import org.goldenthread.kernel.vote.FindVoting;
import org.goldenthread.kernel.vote.OpenVoting;
import org.goldenthread.kernel.vote.ParticipantVotes;
import org.goldenthread.kernel.vote.VotingView;
import org.goldenthread.kernel.vote.WithdrawVote;
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

/** Step 3, Vote: the round on the NOT_WORKING themes. */
@RestController
@RequestMapping("/api/programmes/{programmeId}/votings")
@Tag(name = "Vote")
public class VotingController {

    public record OpenRequest(Integer votesPerParticipant, Integer selectTop) {}

    public record VoteRequest(String participantId, String themeId) {}

    private final Acts acts;
    private final OwnVotes ownVotes;

    public VotingController(Acts acts, OwnVotes ownVotes) {
        this.acts = acts;
        this.ownVotes = ownVotes;
    }

    @ResponseStatus(HttpStatus.CREATED)
    @Access(Rule.FACILITATE)
    @PostMapping
    @Operation(
            summary = "Open a voting round on the NOT_WORKING themes as they stand (default 3 votes each, "
                    + "top 5 go forward; selectTop 4–5)")
    public ResponseEntity<Created.Voting> open(
            @PathVariable String programmeId, @RequestBody(required = false) OpenRequest request) {
        int votes = request == null || request.votesPerParticipant() == null
                ? OpenVoting.DEFAULT_VOTES
                : request.votesPerParticipant();
        int top = request == null || request.selectTop() == null ? OpenVoting.DEFAULT_SELECT_TOP : request.selectTop();
        String votingId = Acts.newId();
        acts.send(new OpenVoting(programmeId, votingId, votes, top));
        return ResponseEntity.created(URI.create("/api/programmes/" + programmeId + "/votings/" + votingId))
                .body(new Created.Voting(votingId));
    }

    @Access(Rule.READ)
    @GetMapping("/{votingId}")
    @Operation(summary = "Tallies; once closed, the ranking (ties shown) and the prioritised themes")
    public VotingView get(@PathVariable String programmeId, @PathVariable String votingId) {
        return acts.find(new FindVoting(programmeId, votingId), VotingView.class, "voting", votingId);
    }

    @Access(Rule.VOTE)
    @GetMapping("/{votingId}/votes")
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
            summary = "One participant's votes in the round and how many are left; a participant sees only their "
                    + "own (rule own-vote-only), a facilitator anyone's")
    public ParticipantVotes votes(
            @PathVariable String programmeId,
            @PathVariable String votingId,
            @io.swagger.v3.oas.annotations.Parameter(description = "the participant whose votes to show")
                    @org.springframework.web.bind.annotation.RequestParam
                    String participantId) {
        ownVotes.requireMayRead(programmeId, participantId);
        return acts.find(
                new FindParticipantVotes(programmeId, votingId, participantId),
                ParticipantVotes.class,
                "voting",
                votingId);
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.VOTE)
    @PostMapping("/{votingId}/votes")
    @Operation(summary = "Cast a vote for a theme (a participant casts their own; a facilitator may record any)")
    public ResponseEntity<Void> cast(
            @PathVariable String programmeId, @PathVariable String votingId, @RequestBody VoteRequest request) {
        Acts.body(request);
        acts.send(new CastVote(programmeId, votingId, request.participantId(), request.themeId()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.VOTE)
    @DeleteMapping("/{votingId}/votes")
    @Operation(summary = "Withdraw a vote while the round is open")
    public ResponseEntity<Void> withdraw(
            @PathVariable String programmeId, @PathVariable String votingId, @RequestBody VoteRequest request) {
        Acts.body(request);
        acts.send(new WithdrawVote(programmeId, votingId, request.participantId(), request.themeId()));
        return ResponseEntity.noContent().build();
    }

    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Access(Rule.FACILITATE)
    @PostMapping("/{votingId}/close")
    @Operation(summary = "Close the round: publishes the ranking and prioritises the top themes")
    public ResponseEntity<Void> close(@PathVariable String programmeId, @PathVariable String votingId) {
        acts.send(new CloseVoting(programmeId, votingId));
        return ResponseEntity.noContent().build();
    }
}
