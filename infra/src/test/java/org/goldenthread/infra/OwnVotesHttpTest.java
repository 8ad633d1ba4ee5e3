package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A participant's own votes, and how many are left, for a voting round and a ballot alike: read by the participant
 * themselves or the facilitator; anyone else's are refused (rule own-vote-only).
 */
class OwnVotesHttpTest {

    @TempDir
    Path data;

    @Test
    void a_participant_reads_their_own_votes_and_what_is_left_and_not_anyone_elses() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            String patId = w.participant("Pat", "PERSON", "participant");
            String morganId = w.participant("Morgan", "CARER_FAMILY", null);
            List<String> s =
                    w.review("P-1", "NOT_WORKING", 1, "I have only one friend", "NOT_WORKING", 2, "I am bored");
            String lonely = w.theme("NOT_WORKING", "I am lonely", List.of(s.get(0)));
            w.theme("NOT_WORKING", "I am bored", List.of(s.get(1)));
            Api pat = facilitator.as("participant");

            String voting = w.created("/votings", Map.of("votesPerParticipant", 3, "selectTop", 4), "votingId");
            w.done("POST", "/votings/" + voting + "/votes", Map.of("participantId", patId, "themeId", lonely));
            Api.Response mine = pat.get(w.path("/votings/" + voting + "/votes?participantId=" + patId));
            assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
            JsonNode votes = mine.json();
            assertThat(votes.get("optionIds").get(0).asText()).isEqualTo(lonely);
            assertThat(votes.get("remaining").asInt()).isEqualTo(2);
            assertThat(votes.get("votesPerParticipant").asInt()).isEqualTo(3);

            Api.Response others = pat.get(w.path("/votings/" + voting + "/votes?participantId=" + morganId));
            assertThat(others.status()).isEqualTo(409);
            assertThat(others.json().get("rule").asText()).isEqualTo("own-vote-only");
            Api.Response asFacilitator =
                    facilitator.get(w.path("/votings/" + voting + "/votes?participantId=" + morganId));
            assertThat(asFacilitator.status()).isEqualTo(200);
            assertThat(asFacilitator.json().get("remaining").asInt()).isEqualTo(3);
            assertThat(pat.get(w.path("/votings/nope/votes?participantId=" + patId))
                            .status())
                    .isEqualTo(404);

            // a ballot (the idea ballot of a planned programme, closed): the same rule, the same answer
            Workshop other = Workshop.launch(facilitator);
            Workshop.Planned planned = other.toPlan();
            String ballot = planned.ideaBallot();
            JsonNode inBallot = pat.get(other.path("/ballots/" + ballot + "/votes?participantId=" + planned.pat()))
                    .json();
            assertThat(inBallot.get("remaining").asInt())
                    .isEqualTo(inBallot.get("votesPerParticipant").asInt()
                            - inBallot.get("optionIds").size());
            assertThat(pat.get(other.path("/ballots/" + ballot + "/votes?participantId=" + planned.morgan()))
                            .json()
                            .get("rule")
                            .asText())
                    .isEqualTo("own-vote-only");
        }
    }
}
