package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.infra.support.Api.now;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prepare, Collect, Theme and Vote driven over HTTP through the running app on the embedded stores. */
class WorkshopHttpTest {

    @TempDir
    static Path data;

    static RunningApp app;
    static Api facilitator;

    @BeforeAll
    static void start() {
        app = RunningApp.start(data, "goldenthread.read-store=memory");
        facilitator = app.api("facilitator");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String launch() {
        Response r = facilitator.post(
                "/api/programmes",
                Map.of(
                        "purpose", "We are using WTfC to hear older people so that support keeps them connected",
                        "level", "SERVICE",
                        "samplePlan",
                                Map.of(
                                        "what",
                                        "person-centred reviews",
                                        "how",
                                        "three questions",
                                        "who",
                                        "older people",
                                        "where",
                                        "day centres",
                                        "when",
                                        "spring",
                                        "quantity",
                                        50,
                                        "populationSize",
                                        480)));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("programmeId").asText();
        assertThat(r.location()).endsWith("/api/programmes/" + id);
        return id;
    }

    static String participant(String programmeId, String name, String perspective, String username) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "perspective", perspective));
        if (username != null) {
            body.put("username", username);
            Response member = facilitator.put(
                    "/api/programmes/" + programmeId + "/members/" + username,
                    Map.of("role", "PARTICIPANT", "reason", "takes part in the workshop"));
            assertThat(member.status()).as(member.toString()).isIn(204, 409);
        }
        Response r = facilitator.post("/api/programmes/" + programmeId + "/participants", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("participantId").asText();
    }

    static List<String> review(String programmeId, String person, Object... categoryPriorityText) {
        List<Map<String, Object>> statements = new ArrayList<>();
        for (int i = 0; i < categoryPriorityText.length; i += 3) {
            statements.add(Map.of(
                    "category",
                    categoryPriorityText[i],
                    "priority",
                    categoryPriorityText[i + 1],
                    "text",
                    categoryPriorityText[i + 2]));
        }
        Response r = facilitator.post(
                "/api/programmes/" + programmeId + "/reviews", Map.of("person", person, "statements", statements));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        r.json().get("statementIds").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    static JsonNode board(String programmeId, String category) {
        Response r = facilitator.get("/api/programmes/" + programmeId + "/boards/" + category);
        return r.status() == 200 ? r.json() : null;
    }

    static void assertProblem(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).isNotBlank();
    }

    static List<String> texts(JsonNode statements) {
        return StreamSupport.stream(statements.spliterator(), false)
                .map(s -> s.get("text").asText())
                .toList();
    }

    @Test
    void prepare_reports_sample_and_attendance_advisories_and_flagged_share() {
        String p = launch();
        participant(p, "Pat", "PERSON", null);
        participant(p, "Morgan", "COMMISSIONER", null);
        review(
                p,
                "P-1",
                "NOT_WORKING",
                1,
                "I have only one friend",
                "NOT_WORKING",
                2,
                "Staff are addressing social isolation");

        JsonNode programme = now(
                        () -> facilitator.get("/api/programmes/" + p),
                        r -> r.status() == 200
                                && r.json().get("statements").asInt() == 2
                                && r.json().get("participants").size() == 2)
                .json();
        assertThat(programme.get("level").asText()).isEqualTo("SERVICE");
        assertThat(programme.get("samplePlan").get("quantity").asInt()).isEqualTo(50);
        assertThat(programme.get("flaggedStatements").asInt()).isEqualTo(1);
        assertThat(programme.get("flaggedShare").asDouble()).isEqualTo(0.5);
        List<String> topics = new ArrayList<>();
        programme
                .get("advisories")
                .forEach(a ->
                        topics.add(a.get("topic").asText() + ":" + a.get("ok").asBoolean()));
        assertThat(topics).contains("sample:true", "collection:false", "attendance:false", "balance:false");
    }

    @Test
    void bad_input_is_a_problem_naming_the_field_or_rule_and_changes_nothing() {
        String p = launch();
        assertProblem(facilitator.post("/api/programmes", Map.of("purpose", " ", "level", "SERVICE")), 400);
        Response badLevel = facilitator.post("/api/programmes", Map.of("purpose", "x", "level", "GALAXY"));
        assertProblem(badLevel, 400);
        assertThat(badLevel.json().get("field").asText()).isEqualTo("level");
        assertProblem(facilitator.post("/api/programmes", "{not json"), 400);

        Response blank = facilitator.post(
                "/api/programmes/" + p + "/reviews",
                Map.of(
                        "person",
                        "P-9",
                        "statements",
                        List.of(Map.of("category", "WORKING", "priority", 1, "text", "  "))));
        assertProblem(blank, 400);
        assertThat(blank.json().get("field").asText()).isEqualTo("statements[0].text");
        Response named = facilitator.post(
                "/api/programmes/" + p + "/reviews",
                Map.of(
                        "person",
                        "Jane Smith",
                        "statements",
                        List.of(Map.of("category", "WORKING", "priority", 1, "text", "I like it"))));
        assertProblem(named, 400);
        assertThat(named.json().get("field").asText()).isEqualTo("person");

        assertProblem(facilitator.get("/api/programmes/no-such-programme"), 404);
        assertProblem(
                facilitator.post(
                        "/api/programmes/no-such-programme/participants", Map.of("name", "A", "perspective", "PERSON")),
                404);

        review(p, "P-2", "NOT_WORKING", 1, "I have only one friend", "NOT_WORKING", 2, "I only have staff in my life");
        Response third = facilitator.post(
                "/api/programmes/" + p + "/reviews",
                Map.of(
                        "person",
                        "P-2",
                        "statements",
                        List.of(Map.of("category", "NOT_WORKING", "priority", 1, "text", "I am bored"))));
        assertProblem(third, 409);
        assertThat(third.json().get("rule").asText()).isNotBlank();
        assertThat(third.json().get("detail").asText()).contains("NOT_WORKING");

        JsonNode programme = now(
                        () -> facilitator.get("/api/programmes/" + p),
                        r -> r.status() == 200 && r.json().get("statements").asInt() == 2)
                .json();
        assertThat(programme.get("reviews").asInt()).isEqualTo(1);
        JsonNode notWorking = now(
                () -> board(p, "NOT_WORKING"),
                b -> b != null && b.get("unclustered").size() == 2);
        assertThat(texts(notWorking.get("unclustered")))
                .containsExactlyInAnyOrder("I have only one friend", "I only have staff in my life");
        assertProblem(facilitator.get("/api/programmes/" + p + "/boards/SIDEWAYS"), 400);
    }

    @Test
    void csv_import_is_validated_whole_lists_every_bad_line_and_supports_dry_run() {
        String p = launch();
        String bad = """
                person,category,priority,text
                P-1,NOT_WORKING,1,"I have only one friend"
                P-1,NOT_WORKING,3,"I am bored"
                P-2,SIDEWAYS,1,"I like my garden"
                P-2,WORKING,1,"   "
                P-3,WORKING,1,"Going out shopping, and to the hairdressers"
                only,three,fields
                """;
        Response rejected = facilitator.postCsv("/api/programmes/" + p + "/statements/import", bad);
        assertProblem(rejected, 400);
        List<Integer> lines = new ArrayList<>();
        rejected.json().get("errors").forEach(e -> lines.add(e.get("line").asInt()));
        assertThat(lines).containsExactly(3, 4, 5, 7);

        String good = """
                person,category,priority,text
                P-1,NOT_WORKING,1,"I have only one friend"
                P-1,WORKING,1,"Going out shopping, and to the hairdressers"
                P-2,NOT_WORKING,1,"I don't see many people during the day"
                P-2,FUTURE,2,"Seeing my friends at least once a week"
                """;
        Response dry = facilitator.postCsv("/api/programmes/" + p + "/statements/import?dryRun=true", good);
        assertThat(dry.status()).as(dry.toString()).isEqualTo(200);
        assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().get("statements").asInt()).isEqualTo(4);

        Response imported = facilitator.postCsv("/api/programmes/" + p + "/statements/import", good);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().get("reviews").asInt()).isEqualTo(2);
        // the view is read while the projection may be mid-batch: wait for the whole import, not part of it
        JsonNode programme = now(
                        () -> facilitator.get("/api/programmes/" + p),
                        r -> r.status() == 200
                                && r.json().get("statements").asInt() == 4
                                && r.json().get("reviews").asInt() == 2)
                .json();
        assertThat(programme.get("statementsByCategory").get("NOT_WORKING").asInt())
                .isEqualTo(2);
        JsonNode working = now(
                () -> board(p, "WORKING"),
                b -> b != null && b.get("unclustered").size() == 1);
        assertThat(texts(working.get("unclustered"))).containsExactly("Going out shopping, and to the hairdressers");
    }

    @Test
    void the_card_call_clusters_moves_parks_renames_merges_and_splits_with_lineage() {
        String p = launch();
        List<String> a = review(
                p,
                "P-1",
                "NOT_WORKING",
                1,
                "I have only one friend",
                "NOT_WORKING",
                2,
                "I don't have my own space",
                "WORKING",
                1,
                "Going out shopping and to the hairdressers");
        List<String> b = review(
                p,
                "P-2",
                "NOT_WORKING",
                1,
                "I only have staff in my life",
                "NOT_WORKING",
                2,
                "My bedroom is not right for me");
        String base = "/api/programmes/" + p + "/boards/NOT_WORKING";

        Response created =
                facilitator.post(base + "/themes", Map.of("title", "I am lonely", "statementIds", List.of(a.get(0))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String lonely = created.json().get("themeId").asText();
        String home = facilitator
                .post(base + "/themes", Map.of("title", "Where I live", "statementIds", List.of(a.get(1))))
                .json()
                .get("themeId")
                .asText();
        assertThat(facilitator
                        .post(base + "/themes/" + lonely + "/statements", Map.of("statementId", b.get(0)))
                        .status())
                .isEqualTo(204);
        assertThat(facilitator
                        .post(base + "/parked", Map.of("statementId", b.get(1)))
                        .status())
                .isEqualTo(204);
        assertThat(facilitator.delete(base + "/parked/" + b.get(1), null).status())
                .isEqualTo(204);
        assertThat(facilitator
                        .post(base + "/themes/" + home + "/statements", Map.of("statementId", b.get(1)))
                        .status())
                .isEqualTo(204);
        assertThat(facilitator
                        .put(base + "/themes/" + home + "/title", Map.of("title", "I don't like where I live"))
                        .status())
                .isEqualTo(204);
        // a WORKING statement cannot go on the NOT_WORKING board
        assertProblem(
                facilitator.post(base + "/themes/" + lonely + "/statements", Map.of("statementId", a.get(2))), 409);
        assertProblem(
                facilitator.post(base + "/themes/no-such-theme/statements", Map.of("statementId", b.get(0))), 404);

        JsonNode board = now(
                () -> board(p, "NOT_WORKING"),
                v -> v != null
                        && v.get("themes").size() == 2
                        && v.get("themes").get(1).get("title").asText().equals("I don't like where I live")
                        && v.get("themes").get(1).get("statements").size() == 2);
        assertThat(texts(board.get("themes").get(0).get("statements")))
                .containsExactly("I have only one friend", "I only have staff in my life");
        assertThat(board.get("unclustered").size()).isZero();
        assertThat(board.get("parked").size()).isZero();

        assertThat(facilitator
                        .post(base + "/themes/" + lonely + "/merge", Map.of("themeIds", List.of(home)))
                        .status())
                .isEqualTo(204);
        Response split = facilitator.post(
                base + "/themes/" + lonely + "/split",
                Map.of("title", "I don't like where I live", "statementIds", List.of(a.get(1), b.get(1))));
        assertThat(split.status()).as(split.toString()).isEqualTo(201);
        String splitId = split.json().get("themeId").asText();

        JsonNode after = now(
                () -> board(p, "NOT_WORKING"),
                v -> v != null
                        && v.get("themes").size() == 2
                        && v.get("retiredThemes").size() == 1);
        JsonNode retired = after.get("retiredThemes").get(0);
        assertThat(retired.get("themeId").asText()).isEqualTo(home);
        assertThat(retired.get("mergedInto").asText()).isEqualTo(lonely);
        JsonNode newTheme = StreamSupport.stream(after.get("themes").spliterator(), false)
                .filter(t -> t.get("themeId").asText().equals(splitId))
                .findFirst()
                .orElseThrow();
        assertThat(newTheme.get("splitFrom").asText()).isEqualTo(lonely);
        assertThat(texts(newTheme.get("statements")))
                .containsExactlyInAnyOrder("I don't have my own space", "My bedroom is not right for me");
        // a statement stands in exactly one place
        List<String> everywhere = new ArrayList<>();
        after.get("themes")
                .forEach(t -> t.get("statements")
                        .forEach(s -> everywhere.add(s.get("statementId").asText())));
        after.get("unclustered")
                .forEach(s -> everywhere.add(s.get("statementId").asText()));
        after.get("parked").forEach(s -> everywhere.add(s.get("statementId").asText()));
        assertThat(everywhere).containsExactlyInAnyOrder(a.get(0), a.get(1), b.get(0), b.get(1));
    }

    @Test
    void voting_on_not_working_themes_ranks_and_prioritises_and_participants_vote_only_for_themselves() {
        String p = launch();
        String pat = participant(p, "Pat", "PERSON", "participant");
        String morgan = participant(p, "Morgan", "COMMISSIONER", null);
        List<String> s = review(p, "P-1", "NOT_WORKING", 1, "I have only one friend", "NOT_WORKING", 2, "I am bored");
        List<String> t = review(
                p,
                "P-2",
                "NOT_WORKING",
                1,
                "I don't have my own space",
                "NOT_WORKING",
                2,
                "I don't get on with my paid support staff");
        String base = "/api/programmes/" + p + "/boards/NOT_WORKING/themes";
        String[] themes = new String[4];
        String[] titles = {
            "I am lonely", "I am bored", "I don't like where I live", "I don't get on with my paid support staff"
        };
        List<String> all = List.of(s.get(0), s.get(1), t.get(0), t.get(1));
        for (int i = 0; i < 4; i++) {
            themes[i] = facilitator
                    .post(base, Map.of("title", titles[i], "statementIds", List.of(all.get(i))))
                    .json()
                    .get("themeId")
                    .asText();
        }
        Response opened =
                facilitator.post("/api/programmes/" + p + "/votings", Map.of("votesPerParticipant", 3, "selectTop", 4));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String voting = "/api/programmes/" + p + "/votings/"
                + opened.json().get("votingId").asText();
        assertProblem(facilitator.post("/api/programmes/" + p + "/votings", Map.of("selectTop", 7)), 400);

        Api participant = app.api("participant");
        assertThat(participant
                        .post(voting + "/votes", Map.of("participantId", pat, "themeId", themes[0]))
                        .status())
                .isEqualTo(204);
        assertThat(participant
                        .post(voting + "/votes", Map.of("participantId", pat, "themeId", themes[1]))
                        .status())
                .isEqualTo(204);
        assertProblem(participant.post(voting + "/votes", Map.of("participantId", pat, "themeId", themes[1])), 409);
        assertProblem(participant.post(voting + "/votes", Map.of("participantId", morgan, "themeId", themes[0])), 409);
        assertThat(participant
                        .post(voting + "/votes", Map.of("participantId", pat, "themeId", themes[2]))
                        .status())
                .isEqualTo(204);
        Response fourth = participant.post(voting + "/votes", Map.of("participantId", pat, "themeId", themes[3]));
        assertProblem(fourth, 409);
        assertThat(fourth.json().get("detail").asText()).contains("3");
        assertThat(participant
                        .delete(voting + "/votes", Map.of("participantId", pat, "themeId", themes[2]))
                        .status())
                .isEqualTo(204);
        assertThat(facilitator
                        .post(voting + "/votes", Map.of("participantId", morgan, "themeId", themes[0]))
                        .status())
                .isEqualTo(204);
        assertThat(facilitator
                        .post(voting + "/votes", Map.of("participantId", morgan, "themeId", themes[3]))
                        .status())
                .isEqualTo(204);
        assertProblem(
                app.api("auditor").post(voting + "/votes", Map.of("participantId", morgan, "themeId", themes[1])), 403);

        JsonNode open = now(
                        () -> facilitator.get(voting),
                        r -> r.status() == 200 && r.json().get("votesCast").asInt() == 4)
                .json();
        assertThat(open.get("status").asText()).isEqualTo("OPEN");
        JsonNode onBoard = now(
                () -> board(p, "NOT_WORKING"),
                v -> v != null && v.get("themes").get(0).get("votes").asInt() == 2);
        assertThat(onBoard.get("themes").get(1).get("votes").asInt()).isEqualTo(1);

        assertThat(facilitator.post(voting + "/close", null).status()).isEqualTo(204);
        assertProblem(participant.post(voting + "/votes", Map.of("participantId", pat, "themeId", themes[3])), 409);
        JsonNode closed = now(
                        () -> facilitator.get(voting),
                        r -> r.status() == 200
                                && r.json().get("status").asText().equals("CLOSED"))
                .json();
        List<String> ranking = new ArrayList<>();
        closed.get("ranking")
                .forEach(r -> ranking.add(r.get("title").asText() + "="
                        + r.get("votes").asInt() + "#" + r.get("rank").asInt()));
        assertThat(ranking)
                .containsExactly(
                        "I am lonely=2#1",
                        "I am bored=1#2",
                        "I don't get on with my paid support staff=1#2",
                        "I don't like where I live=0#4");
        List<String> prioritised = new ArrayList<>();
        closed.get("prioritisedThemeIds").forEach(n -> prioritised.add(n.asText()));
        assertThat(prioritised).containsExactly(themes[0], themes[1], themes[3]);
    }

    @Test
    void every_event_carries_the_acting_user_their_role_and_axon_correlation_ids() {
        String p = launch();
        participant(p, "Pat", "PERSON", null);
        List<? extends DomainEventMessage<?>> events =
                app.bean(EventStore.class).readEvents(p, 0L).asStream().toList();
        // launched, its launcher made its first facilitator, the sample plan, the participant
        assertThat(events).hasSize(4);
        for (DomainEventMessage<?> event : events) {
            assertThat(event.getMetaData())
                    .containsEntry("actor", "facilitator")
                    .containsEntry("role", "FACILITATOR")
                    .containsKeys("correlationId", "traceId");
        }
    }

    @Test
    void readers_read_and_only_facilitators_write() {
        String p = launch();
        assertProblem(
                app.api("auditor")
                        .post("/api/programmes/" + p + "/participants", Map.of("name", "A", "perspective", "PERSON")),
                403);
        assertProblem(app.api("analyst").post("/api/programmes", Map.of("purpose", "x", "level", "UNIT")), 403);
        assertProblem(app.api(null).get("/api/programmes/" + p), 401);
        assertThat(now(() -> app.api("auditor").get("/api/programmes/" + p), r -> r.status() == 200)
                        .status())
                .isEqualTo(200);
        assertProblem(app.api("nobody").get("/api/programmes/" + p), 401);
        // a user who is not a member learns nothing of the programme: the same 404 as for one that does not exist
        Response outsider = app.api("outsider").get("/api/programmes/" + p);
        Response unknown = app.api("outsider").get("/api/programmes/no-such-programme");
        assertProblem(outsider, 404);
        assertThat(outsider.json().get("type")).isEqualTo(unknown.json().get("type"));
        assertThat(outsider.json().get("detail").asText())
                .isEqualTo(unknown.json().get("detail").asText().replace("no-such-programme", p));
        assertThat(app.api("outsider").get("/api/programmes").json()).isEmpty();
    }

    @Test
    void a_second_screen_receives_board_changes_as_server_sent_events() throws Exception {
        String p = launch();
        List<String> ids = review(p, "P-1", "NOT_WORKING", 1, "I have only one friend");
        now(
                () -> board(p, "NOT_WORKING"),
                v -> v != null && v.get("unclustered").size() == 1);

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + app.port() + "/api/programmes/" + p + "/boards/NOT_WORKING/stream"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("auditor:"
                                                        + org.goldenthread.infra.support.TestUsers.password("auditor"))
                                                .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<String> themedUpdate = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader reader =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("data:") && line.contains("I am lonely")) {
                        return line;
                    }
                }
                return null;
            } catch (Exception e) {
                return "error: " + e;
            }
        });
        Thread.sleep(300);
        facilitator.post(
                "/api/programmes/" + p + "/boards/NOT_WORKING/themes",
                Map.of("title", "I am lonely", "statementIds", ids));
        String data = themedUpdate.get(20, TimeUnit.SECONDS);
        assertThat(data).contains("I am lonely").contains("I have only one friend");
        response.body().close();
    }

    @Test
    void openapi_health_and_prometheus_describe_the_service() {
        launch();
        Response docs = facilitator.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/programmes/{programmeId}/boards/{category}/themes"))
                .isTrue();
        assertThat(docs.json().get("paths").has("/api/programmes/{programmeId}/votings/{votingId}/votes"))
                .isTrue();
        // records that share a simple name have schemas of their own
        JsonNode schemas = docs.json().get("components").get("schemas");
        assertThat(schemas.get("BallotOpenRequest").get("properties").has("subject"))
                .isTrue();
        assertThat(schemas.get("BallotOpenRequest").get("properties").has("themeId"))
                .isTrue();
        assertThat(schemas.get("BallotVoteRequest").get("properties").has("optionId"))
                .isTrue();
        assertThat(schemas.get("VotingVoteRequest").get("properties").has("themeId"))
                .isTrue();
        assertThat(schemas.get("CollectStatementRequest").get("properties").has("priority"))
                .isTrue();
        assertThat(schemas.get("BallotViewTally").get("properties").has("optionId"))
                .isTrue();
        assertThat(schemas.get("BallotViewTally").get("properties").has("label"))
                .isTrue();
        assertThat(schemas.get("ProgressViewStep").get("properties").has("what"))
                .isFalse();
        // what the service answers: 201 for a create, with the position of the write
        JsonNode createTheme = docs.json()
                .get("paths")
                .get("/api/programmes/{programmeId}/boards/{category}/themes")
                .get("post");
        assertThat(createTheme.get("responses").has("201")).isTrue();
        assertThat(createTheme.get("responses").has("200")).isFalse();
        assertThat(createTheme.get("responses").get("201").get("headers").has("Event-Position"))
                .isTrue();
        assertThat(createTheme.get("responses").get("409").get("content").has("application/problem+json"))
                .isTrue();

        // health for everyone, without details; the details and the metrics for an admin only
        Response health = app.api(null).get("/actuator/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        JsonNode details = app.api("admin").get("/actuator/health").json();
        assertThat(details.get("components").has("eventStore")).isTrue();
        assertThat(details.get("components").has("readStore")).isTrue();
        assertThat(app.api("facilitator").get("/actuator/health").json().has("components"))
                .isFalse();
        assertProblem(app.api(null).get("/actuator/prometheus"), 401);
        assertProblem(app.api("auditor").get("/actuator/prometheus"), 403);

        String metrics = app.api("admin").get("/actuator/prometheus").body();
        assertThat(metrics).contains("goldenthread_acts_total{").contains("act=\"LaunchProgramme\"");
        // Axon's Micrometer metrics: commands handled, events stored, and each processor's lag
        assertThat(metrics)
                .contains("commandBus_successCounter_total", "eventStore_ingestedCounter_total", "board_latency");
    }
}
