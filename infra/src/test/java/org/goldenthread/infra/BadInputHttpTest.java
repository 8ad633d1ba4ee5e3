package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear answer, never a 500 and never a half-applied change: every refusal is problem+json naming
 * the field, the rule or the limit, and the state is as it was. Run with small limits so each can be reached.
 */
class BadInputHttpTest {

    @TempDir
    static Path data;

    static RunningApp app;
    static Api facilitator;
    static Workshop w;
    static Workshop.Planned planned;

    @BeforeAll
    static void start() {
        app = RunningApp.start(
                data,
                "goldenthread.read-store=memory",
                "goldenthread.limits.max-body=16KB",
                "goldenthread.limits.max-csv=8KB",
                "goldenthread.limits.max-csv-rows=20",
                "goldenthread.limits.max-list-length=30",
                "goldenthread.limits.max-id-length=64",
                "goldenthread.limits.max-text-length=1500");
        facilitator = app.api("facilitator");
        w = Workshop.launch(facilitator);
        planned = w.toPlan();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static JsonNode problem(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(p.get("type").asText()).startsWith("https://goldenthread.example/problems/");
        return p;
    }

    static void invalid(Response r, String field) {
        assertThat(problem(r, 400).get("field").asText()).as(r.toString()).isEqualTo(field);
    }

    private static Response raw(String method, String path, String body, String contentType, String accept)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("facilitator:"
                                                        + org.goldenthread.infra.support.TestUsers.password(
                                                                "facilitator"))
                                                .getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(
                r.statusCode(),
                r.headers().firstValue("Content-Type").orElse(""),
                r.body(),
                null,
                r.headers().map());
    }

    @Test
    void a_null_in_a_list_of_ids_is_refused_naming_the_element() {
        Map<String, Object> idea = new HashMap<>(Map.of("mode", "TRADITIONAL", "text", "More lunch clubs"));
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        idea.put("rootCauseIds", withNull);
        invalid(w.post("/themes/" + planned.lonely() + "/ideas", idea), "rootCauseIds[0]");

        Map<String, Object> success = new HashMap<>(Map.of("perspective", "PROVIDERS", "text", "We listen"));
        success.put("rootCauseIds", withNull);
        invalid(w.post("/themes/" + planned.lonely() + "/success-statements", success), "rootCauseIds[0]");

        Map<String, Object> plan = Workshop.plan(
                withNull,
                "Relationships in every plan",
                List.of(Map.of("description", "All staff trained", "due", "2026-09-30")));
        invalid(w.post("/ideas/" + planned.train() + "/action-plans", plan), "measureIds[0]");
        Map<String, Object> blankId = Workshop.plan(
                List.of(" "),
                "Relationships in every plan",
                List.of(Map.of("description", "All staff trained", "due", "2026-09-30")));
        invalid(w.post("/ideas/" + planned.train() + "/action-plans", blankId), "measureIds[0]");
        assertThat(w.view("/themes/" + planned.lonely() + "/work").get("plans")).isEmpty();
    }

    @Test
    void an_instant_outside_any_sane_range_is_refused() {
        invalid(
                w.get("/thread?from=measure:" + planned.measure() + "&direction=back&asOf=-999999999-01-01T00:00:00Z"),
                "asOf");
        invalid(
                w.get("/thread?from=measure:" + planned.measure() + "&direction=back&asOf=+999999999-12-31T23:59:59Z"),
                "asOf");
        assertThat(w.get("/thread?from=measure:" + planned.measure() + "&direction=back&asOf="
                                + java.time.Instant.now())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void texts_that_are_only_invisible_characters_are_blank() {
        for (String blank :
                List.of("\u00A0\u00A0", "\u2003\u3000", "\u200B\u200D\uFEFF", "\u0000", " \u2060 ", "\u3164")) {
            Response r = w.post(
                    "/reviews",
                    Map.of(
                            "person",
                            "P-blank",
                            "statements",
                            List.of(Map.of("category", "WORKING", "priority", 1, "text", blank))));
            invalid(r, "statements[0].text");
            invalid(
                    w.post(
                            "/boards/NOT_WORKING/themes",
                            Map.of(
                                    "title",
                                    blank,
                                    "statementIds",
                                    List.of(planned.statements().get(0)))),
                    "title");
        }
        invalid(
                w.post(
                        "/reviews",
                        Map.of(
                                "person",
                                "P-nul",
                                "statements",
                                List.of(Map.of(
                                        "category", "WORKING", "priority", 1, "text", "I like\u0000 my garden")))),
                "statements[0].text");
        JsonNode board = w.view("/boards/WORKING");
        assertThat(board.get("unclustered")).isEmpty();
    }

    @Test
    void json_is_read_strictly_without_coercion() {
        String review = "/api/programmes/" + w.id + "/reviews";
        // a decimal or a string where a whole number is expected
        invalid(
                facilitator.send(
                        "POST",
                        review,
                        "{\"person\":\"P-9\",\"statements\":[{\"category\":\"WORKING\",\"priority\":1.5,\"text\":\"I "
                                + "like my garden\"}]}",
                        "application/json"),
                "statements[0].priority");
        invalid(
                facilitator.send(
                        "POST",
                        review,
                        "{\"person\":\"P-9\",\"statements\":[{\"category\":\"WORKING\",\"priority\":\"1\",\"text\":\"I "
                                + "like my garden\"}]}",
                        "application/json"),
                "statements[0].priority");
        // a number where a text is expected
        invalid(
                facilitator.send(
                        "POST",
                        review,
                        "{\"person\":\"P-9\",\"statements\":[{\"category\":\"WORKING\",\"priority\":1,\"text\":12}]}",
                        "application/json"),
                "statements[0].text");
        // a key given twice
        JsonNode dup = problem(
                facilitator.send(
                        "POST",
                        review,
                        "{\"person\":\"P-9\",\"person\":\"P-10\","
                                + "\"statements\":[{\"category\":\"WORKING\",\"priority\":1,\"text\":\"I "
                                + "like my garden\"}]}",
                        "application/json"),
                400);
        assertThat(dup.get("detail").asText()).contains("Duplicate").contains("person");
        // a date sent as a number
        invalid(
                w.post(
                        "/measures/" + planned.measure() + "/baseline",
                        Map.of("value", "20", "date", 1767225600000L, "source", "records")),
                "date");
        // a date outside any sane range
        invalid(
                w.post(
                        "/measures/" + planned.measure() + "/baseline",
                        Map.of("value", "20", "date", "3026-01-01", "source", "records")),
                "date");
        // trailing content after the document
        problem(facilitator.send("POST", review, "{\"person\":\"P-9\",\"statements\":[]} {}", "application/json"), 400);
        assertThat(w.view("/boards/WORKING").get("unclustered")).isEmpty();
    }

    @Test
    void a_quantitative_measure_takes_only_plain_numbers() {
        invalid(
                w.post(
                        "/measures/" + planned.measure() + "/baseline",
                        Map.of("value", "lots", "date", "2026-01-10", "source", "records")),
                "value");
        invalid(
                w.post(
                        "/measures/" + planned.measure() + "/baseline",
                        Map.of("value", "1,5", "date", "2026-01-10", "source", "records")),
                "value");
        // words are what a qualitative measure takes
        w.done(
                "POST",
                "/measures/" + planned.qualitative() + "/baseline",
                Map.of("value", "People say they feel lonely", "date", "2026-01-10", "source", "stories"));
        w.done(
                "POST",
                "/measures/" + planned.measure() + "/baseline",
                Map.of("value", "20.5", "date", "2026-01-10", "source", "records"));
        invalid(
                w.post(
                        "/measures/" + planned.measure() + "/actuals",
                        Map.of("value", "1,5", "date", "2026-04-10", "source", "records")),
                "value");
        w.done(
                "POST",
                "/measures/" + planned.measure() + "/actuals",
                Map.of("value", "35", "date", "2026-04-10", "source", "records"));
        JsonNode work = w.view("/themes/" + planned.lonely() + "/work");
        JsonNode measure = null;
        for (JsonNode m : work.get("successStatements").get(0).get("measures")) {
            if (m.get("measureId").asText().equals(planned.measure())) {
                measure = m;
            }
        }
        assertThat(measure.get("actuals")).hasSize(1);
        assertThat(measure.get("actuals").get(0).get("value").asText()).isEqualTo("35");
    }

    @Test
    void an_act_that_cannot_be_answered_in_the_accepted_form_is_refused_before_it_is_done() throws Exception {
        int before = w.view("").get("participants").size();
        String body = "{\"name\":\"Robin\",\"perspective\":\"PROVIDER\"}";
        for (String accept : List.of("text/html", "application/xml")) {
            Response r = raw("POST", "/api/programmes/" + w.id + "/participants", body, "application/json", accept);
            assertThat(r.status()).as(r.toString()).isEqualTo(406);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        int programmes = facilitator.get("/api/programmes").json().size();
        Response launch = raw(
                "POST",
                "/api/programmes",
                "{\"purpose\":\"We are using WTfC to listen so that we change\",\"level\":\"UNIT\"}",
                "application/json",
                "application/xml");
        assertThat(launch.status()).isEqualTo(406);
        // nothing was done: a later write's position covers anything the refused ones could have appended
        w.done(
                "PUT",
                "/sample-plan",
                Map.of(
                        "what",
                        "reviews",
                        "how",
                        "three questions",
                        "who",
                        "older people",
                        "where",
                        "at home",
                        "when",
                        "spring",
                        "quantity",
                        10,
                        "populationSize",
                        100));
        assertThat(w.view("").get("participants").size()).isEqualTo(before);
        assertThat(facilitator.get("/api/programmes").json().size()).isEqualTo(programmes);
        // a client that accepts JSON (or anything) is answered
        assertThat(raw(
                                "POST",
                                "/api/programmes/" + w.id + "/participants",
                                body,
                                "application/json",
                                "application/json")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void refusals_from_the_firewall_the_container_and_the_error_page_are_problems_too() throws Exception {
        problem(raw("GET", "/api/programmes/%2e%2e/boards/WORKING", null, null, null), 400);
        problem(raw("GET", "/api/programmes/abc;x=1/boards/WORKING", null, null, null), 400);
        // a URL the container cannot decode never reaches the application; Tomcat's answer is a problem too
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.getOutputStream()
                    .write("GET /api/programmes/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer)
                    .startsWith("HTTP/1.1 400")
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":400");
        }
        HttpResponse<String> error = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/error"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(error.statusCode()).isEqualTo(404);
        assertThat(error.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        problem(
                raw(
                        "POST",
                        "/api/programmes/" + w.id + "/participants",
                        "{\"name\":\"Robin\"}",
                        "application/xml",
                        null),
                415);
        problem(raw("DELETE", "/api/programmes/" + w.id, null, null, null), 405);
    }

    @Test
    void each_limit_is_answered_naming_it() {
        // a body over max-body
        String big = "x".repeat(20 * 1024);
        JsonNode body = problem(
                facilitator.send(
                        "POST",
                        "/api/programmes/" + w.id + "/participants",
                        "{\"name\":\"" + big + "\",\"perspective\":\"PERSON\"}",
                        "application/json"),
                413);
        assertThat(body.get("limit").asText()).isEqualTo("max-body");
        // a CSV over max-csv, and one over max-csv-rows
        StringBuilder csv = new StringBuilder("person,category,priority,text\n");
        for (int i = 0; i < 200; i++) {
            csv.append("P-c").append(i).append(",WORKING,1,\"Going out shopping and to the hairdressers\"\n");
        }
        assertThat(problem(facilitator.postCsv("/api/programmes/" + w.id + "/statements/import", csv.toString()), 413)
                        .get("limit")
                        .asText())
                .isEqualTo("max-csv");
        StringBuilder rows = new StringBuilder("person,category,priority,text\n");
        for (int i = 0; i < 21; i++) {
            rows.append("P-r").append(i).append(",WORKING,1,ok\n");
        }
        assertThat(problem(facilitator.postCsv("/api/programmes/" + w.id + "/statements/import", rows.toString()), 413)
                        .get("limit")
                        .asText())
                .isEqualTo("max-csv-rows");
        // a list over max-list-length
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            many.add(planned.statements().get(0));
        }
        JsonNode list =
                problem(w.post("/boards/NOT_WORKING/themes", Map.of("title", "Too many", "statementIds", many)), 413);
        assertThat(list.get("limit").asText()).isEqualTo("max-list-length");
        assertThat(list.get("field").asText()).isEqualTo("statementIds");
        // an id in the path over max-id-length, and one not of an id's form
        JsonNode id = problem(facilitator.get("/api/programmes/" + "a".repeat(65)), 400);
        assertThat(id.get("limit").asText()).isEqualTo("max-id-length");
        invalid(facilitator.get("/api/programmes/" + w.id + "/votings/%20x"), "votingId");
        // a text over max-text-length
        JsonNode text = problem(
                w.post("/themes/" + planned.lonely() + "/in-place", Map.of("description", "y".repeat(1501))), 400);
        assertThat(text.get("limit").asText()).isEqualTo("max-text-length");
        assertThat(text.get("field").asText()).isEqualTo("description");
        assertThat(w.view("/boards/WORKING").get("unclustered")).isEmpty();
    }
}
