package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.infra.support.Api.now;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One whole cycle through the API, from people's statements to the review, and the golden thread through
 * it: back from a measure to people's words, forward from a statement to the action plan, as it stood
 * when people voted, untraced items, a rebuild by replay giving the same answers, the WTfC report as
 * HTML and PDF, and the next cycle.
 */
class WholeCycleHttpTest {

    @TempDir
    Path data;

    private Api api;
    private String p;

    private String post(String path, Object body, String idField) {
        Response r = api.post("/api/programmes/" + p + path, body);
        assertThat(r.status()).as(path + " " + r).isEqualTo(201);
        return r.json().get(idField).asText();
    }

    private void act(String method, String path, Object body) {
        Response r = api.send(method, "/api/programmes/" + p + path, body, "application/json");
        assertThat(r.status()).as(method + " " + path + " " + r).isBetween(200, 204);
    }

    private JsonNode get(String path) {
        Response r = api.get("/api/programmes/" + p + path);
        return r.status() == 200 ? r.json() : null;
    }

    private static List<String> collect(JsonNode node, String field, List<String> into) {
        if (node == null) {
            return into;
        }
        if (node.has(field) && !node.get(field).isNull()) {
            into.add(node.get(field).asText());
        }
        if (node.has("children")) {
            node.get("children").forEach(c -> collect(c, field, into));
        }
        return into;
    }

    @Test
    void a_whole_cycle_from_statements_to_review_keeps_the_golden_thread() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            api = app.api("facilitator");
            p = api.post(
                            "/api/programmes",
                            Map.of(
                                    "purpose",
                                    "We are using WTfC to hear older people so that support keeps them connected",
                                    "level",
                                    "SERVICE"))
                    .json()
                    .get("programmeId")
                    .asText();
            assertThat(api.put(
                                    "/api/programmes/" + p + "/members/participant",
                                    Map.of("role", "PARTICIPANT", "reason", "takes part"))
                            .status())
                    .isEqualTo(204);
            String pat = post(
                    "/participants",
                    Map.of("name", "Pat", "perspective", "PERSON", "username", "participant"),
                    "participantId");
            String morgan =
                    post("/participants", Map.of("name", "Morgan", "perspective", "COMMISSIONER"), "participantId");

            // Collect and Theme
            List<String> s1 = new ArrayList<>();
            api.post(
                            "/api/programmes/" + p + "/reviews",
                            Map.of(
                                    "person",
                                    "P-1",
                                    "statements",
                                    List.of(
                                            Map.of(
                                                    "category",
                                                    "NOT_WORKING",
                                                    "priority",
                                                    1,
                                                    "text",
                                                    "I have only one friend"),
                                            Map.of("category", "NOT_WORKING", "priority", 2, "text", "I am bored"))))
                    .json()
                    .get("statementIds")
                    .forEach(n -> s1.add(n.asText()));
            List<String> s2 = new ArrayList<>();
            api.post(
                            "/api/programmes/" + p + "/reviews",
                            Map.of(
                                    "person",
                                    "P-2",
                                    "statements",
                                    List.of(
                                            Map.of(
                                                    "category",
                                                    "NOT_WORKING",
                                                    "priority",
                                                    1,
                                                    "text",
                                                    "I only have staff in my life"),
                                            Map.of(
                                                    "category",
                                                    "NOT_WORKING",
                                                    "priority",
                                                    2,
                                                    "text",
                                                    "I don't have my own space"))))
                    .json()
                    .get("statementIds")
                    .forEach(n -> s2.add(n.asText()));
            String themes = "/boards/NOT_WORKING/themes";
            String lonely = post(
                    themes, Map.of("title", "I am lonely", "statementIds", List.of(s1.get(0), s2.get(0))), "themeId");
            String bored = post(themes, Map.of("title", "I am bored", "statementIds", List.of(s1.get(1))), "themeId");
            String home = post(
                    themes,
                    Map.of("title", "I don't like where I live", "statementIds", List.of(s2.get(1))),
                    "themeId");

            // Vote
            String voting = post("/votings", Map.of("votesPerParticipant", 3, "selectTop", 4), "votingId");
            for (String participant : List.of(pat, morgan)) {
                act("POST", "/votings/" + voting + "/votes", Map.of("participantId", participant, "themeId", lonely));
                act("POST", "/votings/" + voting + "/votes", Map.of("participantId", participant, "themeId", home));
            }
            act("POST", "/votings/" + voting + "/votes", Map.of("participantId", pat, "themeId", bored));
            act("POST", "/votings/" + voting + "/close", null);
            Instant whenVoted = Instant.now();
            Thread.sleep(20);
            // after the vote, "I don't have my own space" moves to "I am bored": the "home" theme is left empty
            act("POST", themes + "/" + bored + "/statements", Map.of("statementId", s2.get(1)));

            // Understand: five whys (a tree), guard rails, root-cause vote
            String why1 = post(
                    "/themes/" + lonely + "/whys",
                    Map.of("question", "Why are older people lonely?", "perspective", "PERSON"),
                    "whyId");
            String causeA = post(
                    "/whys/" + why1 + "/causes",
                    Map.of(
                            "text",
                            "Because staff don't connect people or support them to make and maintain relationships",
                            "perspective",
                            "PROVIDER"),
                    "causeId");
            post(
                    "/whys/" + why1 + "/causes",
                    Map.of("text", "Because the budget is inadequate", "perspective", "COMMISSIONER"),
                    "causeId");
            String why2 = post(
                    "/themes/" + lonely + "/whys",
                    Map.of("question", "Why don't staff connect people?", "perspective", "PROVIDER", "causeId", causeA),
                    "whyId");
            String causeB = post(
                    "/whys/" + why2 + "/causes",
                    Map.of(
                            "text",
                            "Because they are not trained in this and don't see it as part of their job",
                            "perspective",
                            "PROVIDER"),
                    "causeId");
            String causeBallot = post("/ballots", Map.of("subject", "ROOT_CAUSES", "themeId", lonely), "ballotId");
            act("POST", "/ballots/" + causeBallot + "/votes", Map.of("participantId", pat, "optionId", causeA));
            act("POST", "/ballots/" + causeBallot + "/votes", Map.of("participantId", morgan, "optionId", causeB));
            act("POST", "/ballots/" + causeBallot + "/close", null);

            // Identify success, measures
            String peopleSuccess = post(
                    "/themes/" + lonely + "/success-statements",
                    Map.of(
                            "perspective",
                            "PEOPLE_CARERS_FAMILIES",
                            "text",
                            "I am supported to maintain and make new relationships and be a valued and "
                                    + "active member of the community",
                            "rootCauseIds",
                            List.of(causeA)),
                    "successId");
            post(
                    "/themes/" + lonely + "/success-statements",
                    Map.of(
                            "perspective",
                            "PROVIDERS",
                            "text",
                            "We train our staff to support people to make and maintain relationships",
                            "rootCauseIds",
                            List.of(causeB)),
                    "successId");
            String measure = post(
                    "/success-statements/" + peopleSuccess + "/measures",
                    Workshop.measure("QUANTITATIVE", "%"),
                    "measureId");

            // Plan: in place, ideas in three modes, idea vote, the grid, a drop with a reason
            post(
                    "/themes/" + lonely + "/in-place",
                    Map.of("description", "A weekly lunch club at the day centre"),
                    "itemId");
            String train = post(
                    "/themes/" + lonely + "/ideas",
                    Map.of(
                            "mode",
                            "TRADITIONAL",
                            "text",
                            "Train staff in relationship building",
                            "rootCauseIds",
                            List.of(causeB)),
                    "ideaId");
            String befriend = post(
                    "/themes/" + lonely + "/ideas",
                    Map.of(
                            "mode",
                            "DIFFERENT",
                            "text",
                            "Community befriending with the local football club",
                            "rootCauseIds",
                            List.of()),
                    "ideaId");
            String budgets = post(
                    "/themes/" + lonely + "/ideas",
                    Map.of("mode", "RADICAL", "text", "Personal budgets for friendships", "rootCauseIds", List.of()),
                    "ideaId");
            String ideaBallot = post("/ballots", Map.of("subject", "IDEAS", "themeId", lonely), "ballotId");
            act("POST", "/ballots/" + ideaBallot + "/votes", Map.of("participantId", pat, "optionId", train));
            act("POST", "/ballots/" + ideaBallot + "/votes", Map.of("participantId", morgan, "optionId", train));
            act("POST", "/ballots/" + ideaBallot + "/votes", Map.of("participantId", morgan, "optionId", befriend));
            act("POST", "/ballots/" + ideaBallot + "/close", null);
            Response ownPlacement = app.api("participant")
                    .post(
                            "/api/programmes/" + p + "/ideas/" + train + "/placements",
                            Map.of("participantId", pat, "effort", 3, "impact", 8));
            assertThat(ownPlacement.status()).as(ownPlacement.toString()).isEqualTo(204);
            act("POST", "/ideas/" + train + "/placements", Map.of("participantId", morgan, "effort", 5, "impact", 9));
            act(
                    "POST",
                    "/ideas/" + budgets + "/drop",
                    Map.of("reason", "A thankless task for now: high effort, low impact"));
            // an idea for the emptied theme reaches no statement
            String orphanIdea = post(
                    "/themes/" + home + "/ideas",
                    Map.of("mode", "DIFFERENT", "text", "Home swaps", "rootCauseIds", List.of()),
                    "ideaId");

            // Implement: action plan, baseline, milestone, a changed plan
            Response agreed = api.post(
                    "/api/programmes/" + p + "/ideas/" + train + "/action-plans",
                    Workshop.plan(
                            List.of(measure),
                            "Relationship-building in every support plan",
                            List.of(Map.of("description", "All day-service staff trained", "due", "2026-09-30"))));
            assertThat(agreed.status()).as(agreed.toString()).isEqualTo(201);
            String planId = agreed.json().get("planId").asText();
            String milestone = agreed.json().get("milestoneIds").get(0).asText();
            act(
                    "POST",
                    "/measures/" + measure + "/baseline",
                    Map.of("value", "20", "date", "2026-01-10", "source", "review records"));
            act(
                    "POST",
                    "/action-plans/" + planId + "/milestones/" + milestone + "/reached",
                    Map.of("reachedOn", "2026-08-15", "note", "42 staff trained"));
            Map<String, Object> changed = Workshop.plan(
                    List.of(measure),
                    "Relationship-building in every support plan and staff recruitment",
                    List.of(Map.of(
                            "milestoneId",
                            milestone,
                            "description",
                            "All day-service staff trained",
                            "due",
                            "2026-09-30")));
            changed.put("reason", "Recruitment added after the first milestone");
            act("PUT", "/action-plans/" + planId, changed);

            // Review: actuals, process review, report
            act(
                    "POST",
                    "/measures/" + measure + "/actuals",
                    Map.of("value", "35", "date", "2026-10-01", "source", "review records"));
            Response before = api.post(
                    "/api/programmes/" + p + "/measures/" + measure + "/actuals",
                    Map.of("value", "5", "date", "2025-12-01", "source", "x"));
            assertThat(before.status()).as(before.toString()).isEqualTo(409);
            post(
                    "/process-reviews",
                    Map.of(
                            "perspective",
                            "PERSON",
                            "working",
                            List.of("Being listened to at the workshop"),
                            "notWorking",
                            List.of("The venue was hard to get to")),
                    "reviewId");

            // Views
            JsonNode processReviews = now(() -> get("/process-reviews?cycle=1"), v -> v != null && v.size() == 1);
            assertThat(processReviews.get(0).get("notWorking").get(0).asText())
                    .isEqualTo("The venue was hard to get to");
            assertThat(processReviews.get(0).get("recordedBy").asText()).isEqualTo("facilitator");
            JsonNode work = now(
                    () -> get("/themes/" + lonely + "/work"),
                    w -> w != null
                            && w.get("plans").size() == 1
                            && w.get("plans").get(0).get("version").asInt() == 2
                            && !w.get("successStatements").isEmpty()
                            && w.get("successStatements").get(0).get("measures").size() == 1
                            && w.get("successStatements")
                                            .get(0)
                                            .get("measures")
                                            .get(0)
                                            .get("actuals")
                                            .size()
                                    == 1);
            assertThat(work.get("whys").get(0).get("causes").size()).isEqualTo(2);
            // the plan keeps its earlier version and why it changed
            JsonNode versions = work.get("plans").get(0).get("versions");
            assertThat(versions).hasSize(2);
            assertThat(versions.get(0).get("content").get("keyFeatures").asText())
                    .isEqualTo("Relationship-building in every support plan");
            assertThat(versions.get(0).get("reason").isNull()).isTrue();
            assertThat(versions.get(1).get("reason").asText()).isEqualTo("Recruitment added after the first milestone");
            assertThat(versions.get(1).get("by").asText()).isEqualTo("facilitator");
            List<String> guardRails = new ArrayList<>();
            work.get("whys")
                    .get(0)
                    .get("causes")
                    .forEach(c -> c.get("guardRailFlags").forEach(f -> guardRails.add(f.asText())));
            assertThat(guardRails).anyMatch(f -> f.contains("budget"));
            assertThat(work.get("rootCauses").size()).isEqualTo(2);
            JsonNode trainIdea = null;
            for (JsonNode idea : work.get("ideas")) {
                if (idea.get("ideaId").asText().equals(train)) {
                    trainIdea = idea;
                }
            }
            assertThat(trainIdea.get("quadrant").asText()).isEqualTo("QUICK_WIN");
            assertThat(trainIdea.get("medianEffort").asDouble()).isEqualTo(4.0);
            assertThat(work.get("successStatements")
                            .get(0)
                            .get("measures")
                            .get(0)
                            .get("progress")
                            .asText())
                    .contains("20")
                    .contains("35");
            JsonNode progress =
                    now(() -> get("/progress"), v -> v != null && v.get("steps").size() == 8);
            assertThat(progress.get("cycle").asInt()).isEqualTo(1);

            // The golden thread: back from the measure reaches people's words
            JsonNode back = now(
                    () -> get("/thread?from=measure:" + measure + "&direction=back"),
                    v -> v != null && collect(v, "text", new ArrayList<>()).contains("I have only one friend"));
            List<String> backIds = collect(back, "id", new ArrayList<>());
            assertThat(backIds).contains(peopleSuccess, causeA, lonely, s1.get(0), s2.get(0));
            assertThat(collect(back, "text", new ArrayList<>()))
                    .contains("I have only one friend", "I only have staff in my life");
            // forward from a statement reaches the action plan
            JsonNode forward = now(
                    () -> get("/thread?from=statement:" + s1.get(0) + "&direction=forward"),
                    v -> v != null && collect(v, "id", new ArrayList<>()).contains(planId));
            assertThat(collect(forward, "id", new ArrayList<>())).contains(lonely, causeB, train, planId);
            // as the thread stood when people voted: "I don't have my own space" was in "I don't like where I live"
            JsonNode thenHome = get("/thread?from=theme:" + home + "&direction=back&asOf=" + whenVoted);
            assertThat(collect(thenHome, "id", new ArrayList<>())).contains(s2.get(1));
            JsonNode nowHome = get("/thread?from=theme:" + home + "&direction=back");
            assertThat(collect(nowHome, "id", new ArrayList<>())).doesNotContain(s2.get(1));
            assertThat(api.get("/api/programmes/" + p + "/thread?from=measure&direction=back")
                            .status())
                    .isEqualTo(400);
            assertThat(api.get("/api/programmes/" + p + "/thread?from=measure:nope&direction=back")
                            .status())
                    .isEqualTo(404);
            // untraced: the idea for the emptied theme
            JsonNode untraced = now(() -> get("/thread/untraced"), v -> v != null && v.size() >= 1);
            List<String> untracedIds = new ArrayList<>();
            untraced.forEach(u -> untracedIds.add(u.get("id").asText()));
            assertThat(untracedIds).contains(orphanIdea).doesNotContain(train, measure, planId);

            // rebuilding the thread by replay gives the same answers, including asOf
            String backNow =
                    get("/thread?from=measure:" + measure + "&direction=back").toString();
            String homeThen = thenHome.toString();
            StreamingEventProcessor thread = app.bean(EventProcessingConfiguration.class)
                    .eventProcessor("thread", StreamingEventProcessor.class)
                    .orElseThrow();
            thread.shutDown();
            thread.resetTokens();
            thread.start();
            now(
                    () -> get("/thread?from=measure:" + measure + "&direction=back"),
                    v -> v != null && v.toString().equals(backNow));
            assertThat(get("/thread?from=theme:" + home + "&direction=back&asOf=" + whenVoted)
                            .toString())
                    .isEqualTo(homeThen);

            // the WTfC report, as HTML and as a PDF that opens and holds the cycle's outcomes
            Response published = api.post("/api/programmes/" + p + "/reports", null);
            assertThat(published.status()).as(published.toString()).isEqualTo(201);
            String reportId = published.json().get("reportId").asText();
            String html = now(
                            () -> api.get("/api/programmes/" + p + "/reports/" + reportId + ".html"),
                            r -> r.status() == 200 && r.body().contains("Train staff in relationship building"))
                    .body();
            assertThat(html)
                    .contains(
                            "I am lonely",
                            "Because staff don&#39;t connect people",
                            "I am supported to maintain",
                            "How has the plan changed?",
                            "Recruitment added after the first milestone");
            // the report prints the head of the programme's event chain; an outsider can hold the service to it
            java.util.regex.Matcher printed = java.util.regex.Pattern.compile(
                            "Event chain head \\(SHA-256, [0-9]+ events\\): ([0-9a-f]{64})")
                    .matcher(html);
            assertThat(printed.find()).as(html).isTrue();
            JsonNode held = api.get("/api/programmes/" + p + "/audit/verify?head=" + printed.group(1))
                    .json();
            assertThat(held.get("verified").asBoolean()).as(held.toString()).isTrue();
            assertThat(held.get("publishedHead").asBoolean()).isTrue();
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/programmes/" + p
                                            + "/reports/" + reportId + ".pdf"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(("auditor:"
                                                                            + org.goldenthread.infra.support.TestUsers
                                                                                    .password("auditor"))
                                                                    .getBytes(StandardCharsets.UTF_8)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                assertThat(text)
                        .contains(
                                "I am lonely",
                                "Because they are not trained",
                                "We train our staff",
                                "Relationship-building in every support plan");
            }

            // the next cycle carries the themes forward
            act("POST", "/cycles", Map.of("reason", "A year on: the next round of reviews"));
            JsonNode cycle2 =
                    now(() -> get("/progress"), v -> v != null && v.get("cycle").asInt() == 2);
            assertThat(cycle2.get("cycleComparison").size()).isGreaterThanOrEqualTo(3);
            JsonNode board2 = now(
                    () -> get("/boards/NOT_WORKING"),
                    b -> b != null
                            && b.get("themes").size() == 3
                            && b.get("themes").get(0).get("statements").isEmpty());
            assertThat(board2.get("themes").get(0).get("title").asText()).isEqualTo("I am lonely");
        }
    }
}
