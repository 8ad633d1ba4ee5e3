package org.goldenthread.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.TestUsers;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint × every kind of user × member or not, generated from the controllers' mappings: a new endpoint
 * without an access rule fails here, and so does one whose rule is not enforced as this table says. The table of who
 * may call each rule is written out here again, apart from {@link Rule}, so a change to the rules is a change to this
 * test too.
 */
class AccessMatrixTest {

    @TempDir
    static Path data;

    private static RunningApp app;
    private static String programme;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The users: who they are in the programme (null: not a member) and globally. */
    private record Who(String user, String memberRole, String globalRole) {}

    private static final List<Who> USERS = List.of(
            new Who("facilitator", "FACILITATOR", "FACILITATOR"),
            new Who("participant", "PARTICIPANT", "PARTICIPANT"),
            new Who("commissioner", "COMMISSIONER", "COMMISSIONER"),
            new Who("provider", "PROVIDER", "PROVIDER"),
            new Who("facilitator2", "AUDITOR", "FACILITATOR"),
            new Who("analyst", "ANALYST", "ANALYST"),
            new Who("outsider", null, "PARTICIPANT"),
            new Who("admin", null, "ADMIN"),
            new Who("auditor", null, "AUDITOR"));

    /** Who may call an endpoint of each rule: "m:" a member in that role, "g:" a global role. */
    private static final Map<Rule, Set<String>> MAY = Map.ofEntries(
            Map.entry(
                    Rule.READ,
                    Set.of(
                            "m:FACILITATOR",
                            "m:PARTICIPANT",
                            "m:COMMISSIONER",
                            "m:PROVIDER",
                            "m:AUDITOR",
                            "g:ADMIN",
                            "g:AUDITOR")),
            Map.entry(
                    Rule.ANALYSE,
                    Set.of(
                            "m:FACILITATOR",
                            "m:PARTICIPANT",
                            "m:COMMISSIONER",
                            "m:PROVIDER",
                            "m:AUDITOR",
                            "m:ANALYST",
                            "g:ADMIN",
                            "g:AUDITOR")),
            Map.entry(Rule.OVERSEE, Set.of("m:FACILITATOR", "m:AUDITOR", "g:ADMIN", "g:AUDITOR")),
            Map.entry(Rule.FACILITATE, Set.of("m:FACILITATOR")),
            Map.entry(Rule.VOTE, Set.of("m:FACILITATOR", "m:PARTICIPANT", "m:COMMISSIONER", "m:PROVIDER")),
            Map.entry(Rule.GOVERN, Set.of("m:FACILITATOR", "g:ADMIN")),
            Map.entry(Rule.LAUNCH, Set.of("g:FACILITATOR", "g:ADMIN")),
            Map.entry(
                    Rule.SIGNED_IN,
                    Set.of(
                            "g:FACILITATOR",
                            "g:PARTICIPANT",
                            "g:COMMISSIONER",
                            "g:PROVIDER",
                            "g:AUDITOR",
                            "g:ANALYST",
                            "g:ADMIN")),
            Map.entry(Rule.OPERATE_READ, Set.of("g:ADMIN", "g:AUDITOR")),
            Map.entry(Rule.OPERATE, Set.of("g:ADMIN")),
            Map.entry(Rule.ORGANISE, Set.of("g:ADMIN")),
            Map.entry(Rule.PARTIES, Set.of("g:COMMISSIONER", "g:PROVIDER", "g:ADMIN", "g:AUDITOR")),
            Map.entry(Rule.PARTY_ACT, Set.of("g:COMMISSIONER", "g:PROVIDER")));

    @BeforeAll
    static void start() {
        app = RunningApp.start(data, "goldenthread.read-store=memory");
        Workshop w = Workshop.launch(app.api("facilitator"));
        programme = w.id;
        w.member("participant", "PARTICIPANT");
        w.member("commissioner", "COMMISSIONER");
        w.member("provider", "PROVIDER");
        w.member("facilitator2", "AUDITOR");
        w.member("analyst", "ANALYST");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private record Endpoint(String method, String pattern, HandlerMethod handler, RequestMappingInfo info) {
        Access access() {
            return handler.getMethodAnnotation(Access.class);
        }
    }

    private static List<Endpoint> endpoints() {
        RequestMappingHandlerMapping mapping =
                app.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Endpoint> out = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition()
                            .getMethods()
                            .forEach(m -> out.add(new Endpoint(m.name(), pattern, handler, info)));
                }
            }
        });
        return out;
    }

    @Test
    void every_endpoint_names_its_access_rule() {
        List<Endpoint> all = endpoints();
        assertThat(all).hasSizeGreaterThan(40);
        assertThat(all.stream()
                        .filter(e -> e.access() == null)
                        .map(e -> e.method() + " " + e.pattern())
                        .toList())
                .as("endpoints without an @Access rule")
                .isEmpty();
    }

    @Test
    void every_endpoint_is_refused_or_allowed_to_every_user_as_its_rule_says() throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Endpoint e : endpoints()) {
            Rule rule = e.access().value();
            for (Who who : USERS) {
                Set<String> may = MAY.get(rule);
                boolean allowed =
                        (who.memberRole() != null && rule.programmeScoped() && may.contains("m:" + who.memberRole()))
                                || may.contains("g:" + who.globalRole());
                boolean hidden = rule.programmeScoped()
                        && !allowed
                        && who.memberRole() == null
                        && !Set.of("ADMIN", "AUDITOR").contains(who.globalRole());
                Answer a = call(http, e, who.user());
                checked++;
                String verdict;
                if (a.status() == 401 || a.status() == 429) {
                    verdict = "not signed in";
                } else if (a.status() == 403
                        && a.problem() != null
                        && a.problem().has("rule")) {
                    verdict = "forbidden";
                } else if (a.status() == 404
                        && a.problem() != null
                        && "programme".equals(a.problem().path("kind").asText())) {
                    verdict = "hidden";
                } else {
                    verdict = "allowed";
                }
                String expected = allowed ? "allowed" : hidden ? "hidden" : "forbidden";
                if (!verdict.equals(expected)) {
                    wrong.add(e.method() + " " + e.pattern() + " [" + rule + "] as " + who + ": expected " + expected
                            + ", got " + a.status() + " " + (a.problem() == null ? "" : a.problem()));
                }
                if (verdict.equals("forbidden")) {
                    assertThat(a.problem().get("rule").asText()).isIn("role-required", "organisation-required");
                    assertThat(a.problem().get("rolesAllowed")).isNotNull();
                }
            }
        }
        assertThat(wrong)
                .as("endpoints answering users other than their rule says")
                .isEmpty();
        assertThat(checked).isGreaterThan(400);
    }

    private record Answer(int status, JsonNode problem) {}

    private static Answer call(HttpClient http, Endpoint e, String user) throws Exception {
        String path = e.pattern()
                .replace("{programmeId}", programme)
                .replace("{category}", "NOT_WORKING")
                .replaceAll("\\{[^}]+}", "x1");
        boolean write = !e.method().equals("GET");
        Set<MediaType> consumes = e.info().getConsumesCondition().getConsumableMediaTypes();
        Set<MediaType> produces = e.info().getProducesCondition().getProducibleMediaTypes();
        boolean csv = consumes.stream().anyMatch(m -> m.getSubtype().equals("csv"));
        String accept = produces.isEmpty()
                        || produces.stream()
                                .anyMatch(m -> m.getSubtype().equals("json")
                                        || m.getSubtype().endsWith("+json"))
                ? "application/json, application/problem+json"
                : produces.iterator().next().toString() + ", application/problem+json";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(20))
                .header("Accept", accept)
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + TestUsers.password(user))
                                                .getBytes(StandardCharsets.UTF_8)));
        if (write) {
            request.header("Content-Type", csv ? "text/csv" : "application/json")
                    .method(
                            e.method(),
                            HttpRequest.BodyPublishers.ofString(csv ? "person,category,priority,text\n" : "{}"));
        } else {
            request.GET();
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String type = response.headers().firstValue("Content-Type").orElse("");
        JsonNode problem = null;
        try (InputStream body = response.body()) {
            if (type.startsWith("application/problem+json")) {
                problem = JSON.readTree(body);
            }
            // anything else (a stream, a PDF) is left unread: the status is what counts
        }
        return new Answer(response.statusCode(), problem);
    }

    @Test
    void a_commissioner_signed_in_for_another_organisation_acts_for_none() {
        Api facilitator = app.api("facilitator");
        Workshop w = Workshop.launch(facilitator);
        Map<String, Object> grant = new LinkedHashMap<>(
                Map.of("role", "COMMISSIONER", "organisation", "Another Council", "reason", "commissions elsewhere"));
        assertThat(facilitator.put(w.path("/members/commissioner"), grant).status())
                .isEqualTo(204);
        Api.Response r = app.api("commissioner").get(w.path(""));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("rule").asText()).isEqualTo("organisation-required");
        assertThat(r.json().get("organisation").asText()).isEqualTo("Another Council");
    }

    @Test
    void a_grant_counts_and_a_revocation_ends_access_at_the_very_next_request_and_both_are_recorded_with_who_and_why() {
        Api facilitator = app.api("facilitator");
        Api outsider = app.api("outsider");
        Workshop w = Workshop.launch(facilitator);
        assertThat(outsider.get(w.path("")).status()).isEqualTo(404);
        assertThat(facilitator
                        .put(w.path("/members/outsider"), Map.of("role", "PARTICIPANT", "reason", "joins"))
                        .status())
                .isEqualTo(204);
        assertThat(outsider.get(w.path("")).status()).isEqualTo(200);
        assertThat(outsider.get("/api/programmes").json())
                .extracting(p -> p.get("programmeId").asText())
                .contains(w.id);
        // another facilitator's programme: this facilitator is nobody there
        Workshop theirs = Workshop.launch(app.api("facilitator2"));
        assertThat(facilitator
                        .put(theirs.path("/members/outsider"), Map.of("role", "PARTICIPANT", "reason", "x"))
                        .status())
                .isEqualTo(404);
        // an admin may grant in any programme
        assertThat(app.api("admin")
                        .put(theirs.path("/members/facilitator"), Map.of("role", "AUDITOR", "reason", "audits"))
                        .status())
                .isEqualTo(204);
        assertThat(facilitator.get(theirs.path("")).status()).isEqualTo(200);

        Api.Response revoked = facilitator.delete(w.path("/members/outsider"), Map.of("reason", "left the workshop"));
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);
        assertThat(outsider.get(w.path("")).status()).isEqualTo(404);
        Api.Response last = facilitator.delete(w.path("/members/facilitator"), Map.of("reason", "leaving"));
        assertThat(last.status()).isEqualTo(409);
        assertThat(last.json().get("rule").asText()).isEqualTo("programme-keeps-a-facilitator");

        List<String> members = new ArrayList<>();
        w.view("/members")
                .forEach(m -> members.add(m.get("username").asText() + ":"
                        + m.get("role").asText() + ":" + m.get("grantedBy").asText()));
        assertThat(members).containsExactly("facilitator:FACILITATOR:facilitator");
        var events = app.bean(org.axonframework.eventsourcing.eventstore.EventStore.class)
                .readEvents(w.id, 0L)
                .asStream()
                .toList();
        assertThat(events)
                .filteredOn(ev -> ev.getPayload() instanceof org.goldenthread.kernel.programme.MembershipRevoked)
                .singleElement()
                .satisfies(ev -> {
                    assertThat(ev.getMetaData())
                            .containsEntry("actor", "facilitator")
                            .containsEntry("role", "FACILITATOR");
                    assertThat(((org.goldenthread.kernel.programme.MembershipRevoked) ev.getPayload()).reason())
                            .isEqualTo("left the workshop");
                });
    }

    @Test
    void a_participant_linked_to_a_login_must_be_a_member() {
        Workshop w = Workshop.launch(app.api("facilitator"));
        Api.Response r =
                w.post("/participants", Map.of("name", "Kim", "perspective", "PERSON", "username", "outsider"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("rule").asText()).isEqualTo("participant-login-is-a-member");
    }

    @Test
    void a_live_board_stops_reaching_a_viewer_whose_membership_is_revoked() throws Exception {
        Api facilitator = app.api("facilitator");
        Workshop w = Workshop.launch(facilitator);
        w.member("outsider", "PARTICIPANT");
        List<String> ids = w.review("P-1", "NOT_WORKING", 1, "I have only one friend");
        HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + app.port() + w.path("/boards/NOT_WORKING/stream")))
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + Base64.getEncoder()
                                                        .encodeToString(("outsider:" + TestUsers.password("outsider"))
                                                                .getBytes(StandardCharsets.UTF_8)))
                                .header("Accept", "text/event-stream")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (java.io.BufferedReader r =
                    new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
                lines.add("<end>");
            } catch (Exception e) {
                lines.add("<end>");
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertThat(next(lines, l -> l.startsWith("data:") && l.contains("I have only one friend")))
                .isNotNull();

        assertThat(facilitator
                        .delete(w.path("/members/outsider"), Map.of("reason", "left"))
                        .status())
                .isEqualTo(204);
        w.theme("NOT_WORKING", "A title only members may see", ids);
        List<String> rest = new ArrayList<>();
        for (String l = lines.poll(20, java.util.concurrent.TimeUnit.SECONDS);
                l != null && !l.equals("<end>");
                l = lines.poll(20, java.util.concurrent.TimeUnit.SECONDS)) {
            rest.add(l);
        }
        assertThat(rest).contains("event:revoked").noneMatch(l -> l.contains("A title only members may see"));
    }

    private static String next(
            java.util.concurrent.BlockingQueue<String> lines, java.util.function.Predicate<String> wanted)
            throws InterruptedException {
        for (String l = lines.poll(20, java.util.concurrent.TimeUnit.SECONDS);
                l != null;
                l = lines.poll(20, java.util.concurrent.TimeUnit.SECONDS)) {
            if (wanted.test(l)) {
                return l;
            }
        }
        throw new AssertionError("no such line");
    }
}
