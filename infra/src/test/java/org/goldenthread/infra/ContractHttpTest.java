package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.infra.support.Api.now;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Do stage over HTTP: a contract built from a real cycle's measures, with two providers; a year of quarterly
 * reports (the first late), a revision, the dashboard's statuses, variance and trend; who sees which contract; the
 * golden thread from a KPI back to people's words and from a statement forward to the KPI; the dashboard rebuilt by
 * replay, asOf included.
 */
class ContractHttpTest {

    @TempDir
    Path data;

    /** The contract starts a year and ten days ago, so four quarters have ended; actuals are due 200 days later. */
    static final LocalDate START = LocalDate.now(ZoneOffset.UTC).minusYears(1).minusDays(10);

    static LocalDate quarter(int n) {
        return START.plusMonths(3L * (n - 1));
    }

    static Map<String, Object> kpi(
            String name, String kind, String target, String direction, Double tolerance, String level) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", kind);
        body.put("unit", kind.equals("QUANTITATIVE") ? "%" : null);
        body.put(
                "baseline",
                Map.of(
                        "value",
                        kind.equals("QUANTITATIVE") ? "40" : "Few go out",
                        "date",
                        START.toString(),
                        "source",
                        "reviews"));
        body.put("target", target);
        body.put("direction", direction);
        body.put("tolerance", tolerance);
        body.put("cadence", "QUARTERLY");
        body.put("level", level);
        return body;
    }

    static Map<String, Object> derived(Map<String, Object> kpi, String programmeId, String measureId) {
        Map<String, Object> body = new HashMap<>(kpi);
        body.put("derivedFrom", Map.of("programmeId", programmeId, "measureId", measureId));
        return body;
    }

    static Map<String, Object> justified(Map<String, Object> kpi, String why) {
        Map<String, Object> body = new HashMap<>(kpi);
        body.put("justification", why);
        return body;
    }

    private static String created(Api api, String path, Object body, String field) {
        Response r = api.post(path, body);
        assertThat(r.status()).as(path + " " + r).isEqualTo(201);
        return r.json().get(field).asText();
    }

    private static void done(Api api, String method, String path, Object body) {
        Response r = api.send(method, path, body, "application/json");
        assertThat(r.status()).as(method + " " + path + " " + r).isBetween(200, 204);
    }

    private static void refused(Response r, int status, String rule) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (rule != null) {
            assertThat(r.json().get("rule").asText()).isEqualTo(rule);
        }
    }

    private static JsonNode panel(JsonNode dashboard, String kpiId) {
        for (JsonNode k : dashboard.get("kpis")) {
            if (k.get("kpiId").asText().equals(kpiId)) {
                return k;
            }
        }
        throw new AssertionError("no KPI " + kpiId + " in " + dashboard);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    private static void collect(JsonNode node, List<String> refs) {
        refs.add(node.get("type").asText() + ":" + node.get("id").asText());
        node.get("children").forEach(c -> collect(c, refs));
    }

    @Test
    void a_contract_from_a_cycles_measures_is_agreed_reported_revised_judged_and_traced_back_to_peoples_words()
            throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            Workshop.Planned planned = w.toPlan();
            w.member("commissioner", "COMMISSIONER");
            Api admin = facilitator.as("admin");
            Api cat = facilitator.as("commissioner");
            Api pat = facilitator.as("provider");
            Api oz = facilitator.as("provider2");

            // organisations and who acts for them
            String council = created(
                    admin,
                    "/api/organisations",
                    Map.of("name", "Test Council", "kind", "COMMISSIONING"),
                    "organisationId");
            String care = created(
                    admin, "/api/organisations", Map.of("name", "Test Care Ltd", "kind", "PROVIDER"), "organisationId");
            String other = created(
                    admin,
                    "/api/organisations",
                    Map.of("name", "Other Care Ltd", "kind", "PROVIDER"),
                    "organisationId");
            done(admin, "PUT", "/api/organisations/" + council + "/users/commissioner", Map.of("reason", "lead"));
            done(admin, "PUT", "/api/organisations/" + care + "/users/provider", Map.of("reason", "manager"));
            done(admin, "PUT", "/api/organisations/" + other + "/users/provider2", Map.of("reason", "manager"));

            // two contracts, one per provider
            Map<String, Object> draft = new HashMap<>();
            draft.put("commissionerId", council);
            draft.put("providerId", care);
            draft.put("service", "Home support");
            draft.put("periodStart", START.toString());
            draft.put("periodEnd", START.plusYears(2).minusDays(1).toString());
            draft.put("programmeIds", List.of(w.id));
            draft.put("reportingWindowDays", 200);
            String a = created(cat, "/api/contracts", draft, "contractId");
            Map<String, Object> draftB = new HashMap<>(draft);
            draftB.put("providerId", other);
            draftB.put("service", "Day opportunities");
            String b = created(cat, "/api/contracts", draftB, "contractId");
            refused(pat.post("/api/contracts", draft), 409, "commissioner-drafts");

            String c = "/api/contracts/" + a;
            String k1 = created(
                    cat,
                    c + "/kpis",
                    derived(
                            kpi("People seeing a friend every week", "QUANTITATIVE", "60", "INCREASE", 5.0, "OUTCOME"),
                            w.id,
                            planned.measure()),
                    "kpiId");
            String k2 = created(
                    cat,
                    c + "/kpis",
                    derived(
                            kpi("Stories of new friendships", "QUALITATIVE", "Most say so", "INCREASE", null, "OUTPUT"),
                            w.id,
                            planned.qualitative()),
                    "kpiId");
            String k3 = created(
                    cat,
                    c + "/kpis",
                    justified(
                            kpi("Missed visits", "QUANTITATIVE", "10", "DECREASE", 2.0, "INPUT"),
                            "Missed visits are what people notice first"),
                    "kpiId");
            refused(
                    cat.post(c + "/kpis", kpi("No reason", "QUANTITATIVE", "1", "INCREASE", 1.0, "INPUT")),
                    409,
                    "untraced-kpi-justified");
            created(
                    cat,
                    "/api/contracts/" + b + "/kpis",
                    justified(kpi("Hours delivered", "QUANTITATIVE", "100", "INCREASE", 10.0, "OUTPUT"), "volume"),
                    "kpiId");

            // co-design: the provider agrees, then the commissioner activates
            refused(cat.post(c + "/activation", null), 409, "provider-agrees-before-activation");
            refused(cat.post(c + "/agreement", Map.of()), 409, "provider-agrees-for-itself");
            refused(oz.post(c + "/agreement", Map.of()), 404, null);
            done(pat, "POST", c + "/agreement", Map.of("comment", "We can deliver this"));
            refused(pat.post(c + "/activation", null), 409, "commissioner-activates");
            done(cat, "POST", c + "/activation", null);
            done(oz, "POST", "/api/contracts/" + b + "/agreement", Map.of());
            done(cat, "POST", "/api/contracts/" + b + "/activation", null);

            // a year of reports: Q1 late (due 200 days after it ended), a revision from Q3
            String s0 = planned.statements().get(0);
            done(
                    pat,
                    "POST",
                    c + "/kpis/" + k1 + "/actuals",
                    Map.of("periodStart", quarter(1).toString(), "value", "50"));
            refused(
                    pat.post(
                            c + "/kpis/" + k1 + "/actuals",
                            Map.of("periodStart", quarter(1).toString(), "value", "51")),
                    409,
                    "one-actual-per-period");
            refused(
                    pat.post(
                            c + "/kpis/" + k1 + "/actuals",
                            Map.of("periodStart", quarter(1).plusDays(1).toString(), "value", "51")),
                    409,
                    "period-defined-by-cadence");
            done(
                    pat,
                    "POST",
                    c + "/kpis/" + k3 + "/actuals",
                    Map.of("periodStart", quarter(1).toString(), "value", "12"));
            done(
                    pat,
                    "POST",
                    c + "/kpis/" + k1 + "/actuals",
                    Map.of("periodStart", quarter(2).toString(), "value", "56"));
            Instant afterQ2 = Instant.now();
            Thread.sleep(5);
            JsonNode liveAfterQ2 = cat.get(c + "/dashboard").json();
            Map<String, Object> revision = new HashMap<>(
                    kpi("People seeing a friend every week", "QUANTITATIVE", "55", "INCREASE", 5.0, "OUTCOME"));
            revision.put("effectiveFrom", quarter(3).toString());
            revision.put("reason", "Two quarters taught us 60 was out of reach this year");
            refused(pat.put(c + "/kpis/" + k1, revision), 409, "commissioner-revises");
            done(cat, "PUT", c + "/kpis/" + k1, revision);
            done(
                    pat,
                    "POST",
                    c + "/kpis/" + k1 + "/actuals",
                    Map.of("periodStart", quarter(3).toString(), "value", "57"));
            done(
                    pat,
                    "POST",
                    c + "/kpis/" + k1 + "/actuals",
                    Map.of(
                            "periodStart",
                            quarter(4).toString(),
                            "value",
                            "58",
                            "evidence",
                            List.of(Map.of(
                                    "kind",
                                    "QUOTE",
                                    "text",
                                    "I have a friend at the club now",
                                    "programmeId",
                                    w.id,
                                    "statementId",
                                    s0))));

            // the dashboard
            JsonNode d = cat.get(c + "/dashboard").json();
            JsonNode p1 = panel(d, k1);
            assertThat(texts(p1.get("series"), "target")).containsExactly("60", "60", "55", "55");
            assertThat(texts(p1.get("series"), "status"))
                    .containsExactly("OFF_TRACK", "AT_RISK", "ON_TRACK", "ON_TRACK");
            assertThat(texts(p1.get("series"), "variancePercent")).containsExactly("-16.7", "-6.7", "3.6", "5.5");
            assertThat(texts(p1.get("series"), "late")).containsExactly("true", "false", "false", "false");
            assertThat(p1.get("latest").get("value").asText()).isEqualTo("58");
            assertThat(p1.get("trend").asText()).isEqualTo("IMPROVING");
            assertThat(p1.get("version").asInt()).isEqualTo(2);
            assertThat(p1.get("why").get("traced").asBoolean()).isTrue();
            assertThat(p1.get("evidence").get(0).get("text").asText()).isEqualTo("I have a friend at the club now");
            JsonNode p2 = panel(d, k2);
            assertThat(p2.get("latest").isNull()).isTrue();
            assertThat(texts(p2.get("duePeriods"), "periodStart"))
                    .containsExactly(quarter(1).toString());
            JsonNode p3 = panel(d, k3);
            assertThat(p3.get("latest").get("status").asText()).isEqualTo("AT_RISK");
            assertThat(p3.get("why").get("traced").asBoolean()).isFalse();
            assertThat(p3.get("why").get("justification").asText())
                    .isEqualTo("Missed visits are what people notice first");
            assertThat(d.get("mix").get("outcome").asInt()).isEqualTo(1);
            assertThat(d.get("mix").get("output").asInt()).isEqualTo(1);
            assertThat(d.get("mix").get("input").asInt()).isEqualTo(1);
            assertThat(d.get("summary").get("onTrack").asInt()).isEqualTo(1);
            assertThat(d.get("summary").get("atRisk").asInt()).isEqualTo(1);
            assertThat(d.get("summary").get("untraced").asInt()).isEqualTo(1);
            JsonNode contract = cat.get(c).json();
            assertThat(contract.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(contract.get("providerAgreedBy").asText()).isEqualTo("provider");
            assertThat(texts(contract.get("kpis").get(0).get("versions"), "reason"))
                    .containsExactly("null", "Two quarters taught us 60 was out of reach this year");

            // as of an instant: what was seen live then
            JsonNode then = cat.get(c + "/dashboard?asOf=" + afterQ2).json();
            assertThat(panel(then, k1).get("series"))
                    .isEqualTo(panel(liveAfterQ2, k1).get("series"));
            assertThat(panel(then, k1).get("target").asText()).isEqualTo("60");
            assertThat(panel(then, k3).get("latest"))
                    .isEqualTo(panel(liveAfterQ2, k3).get("latest"));

            // who sees which contract
            refused(oz.get(c), 404, null);
            assertThat(oz.get(c).json().get("kind").asText()).isEqualTo("contract");
            refused(oz.get(c + "/dashboard"), 404, null);
            refused(pat.get("/api/contracts/" + b), 404, null);
            assertThat(texts(pat.get("/api/contracts").json(), "contractId")).containsExactly(a);
            assertThat(texts(oz.get("/api/contracts").json(), "contractId")).containsExactly(b);
            assertThat(texts(cat.get("/api/contracts").json(), "contractId")).containsExactlyInAnyOrder(a, b);
            assertThat(texts(facilitator.as("auditor").get("/api/contracts").json(), "contractId"))
                    .containsExactlyInAnyOrder(a, b);
            refused(facilitator.as("auditor").post(c + "/activation", null), 403, "role-required");
            assertThat(texts(cat.get("/api/dashboards?provider=" + care).json(), "contractId"))
                    .containsExactly(a);
            assertThat(texts(cat.get("/api/dashboards?programme=" + w.id).json(), "contractId"))
                    .containsExactlyInAnyOrder(a, b);
            assertThat(texts(pat.get("/api/dashboards?programme=" + w.id).json(), "contractId"))
                    .containsExactly(a);

            // the golden thread: from the KPI back to people's words, from a statement forward to the KPI
            JsonNode back = w.view("/thread?from=kpi:" + k1 + "&direction=back");
            List<String> reached = new ArrayList<>();
            collect(back, reached);
            assertThat(reached)
                    .contains("measure:" + planned.measure(), "statement:" + s0, "theme:" + planned.lonely());
            JsonNode forward = w.view("/thread?from=statement:" + s0 + "&direction=forward");
            List<String> ahead = new ArrayList<>();
            collect(forward, ahead);
            assertThat(ahead).contains("kpi:" + k1, "contract:" + a);

            // you said, we did: the prioritised themes in people's words and what is being done, KPIs included
            done(facilitator, "POST", w.path("/people/P-2/forget"), Map.of("reason", "request ref SAR-1"));
            JsonNode summary = w.view("/you-said-we-did");
            JsonNode lonely = null;
            for (JsonNode t : summary.get("themes")) {
                lonely = t.get("themeId").asText().equals(planned.lonely()) ? t : lonely;
            }
            assertThat(lonely).as(summary.toString()).isNotNull();
            assertThat(lonely.get("title").asText()).isEqualTo("I am lonely");
            List<String> quotes = new ArrayList<>();
            lonely.get("quotes").forEach(q -> quotes.add(q.asText()));
            assertThat(quotes).containsExactly("I have only one friend"); // P-2 was forgotten: never quoted
            List<String> kpis = new ArrayList<>();
            lonely.get("doing").get("kpis").forEach(k -> kpis.add(k.asText()));
            assertThat(kpis)
                    .containsExactlyInAnyOrder("People seeing a friend every week", "Stories of new friendships");
            List<String> ideas = new ArrayList<>();
            lonely.get("doing").get("ideas").forEach(k -> ideas.add(k.asText()));
            assertThat(ideas).contains("Train staff in relationship building");
            Response page = w.get("/you-said-we-did.html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("You said: I am lonely", "The contract now counts: People seeing");
            JsonNode person = w.view("/people/P-1/you-said-we-did");
            JsonNode said = person.get("statements").get(0);
            assertThat(said.get("text").asText()).isEqualTo("I have only one friend");
            assertThat(said.get("themeTitle").asText()).isEqualTo("I am lonely");
            assertThat(said.get("prioritised").asBoolean()).isTrue();
            assertThat(said.get("doing").get("kpis").get(0).asText()).isEqualTo("People seeing a friend every week");
            JsonNode forgotten = w.view("/people/P-2/you-said-we-did");
            forgotten.get("statements").forEach(x -> {
                assertThat(x.get("erased").asBoolean()).isTrue();
                assertThat(x.get("text").isNull()).isTrue();
            });
            refused(facilitator.as("participant").get(w.path("/people/P-1/you-said-we-did")), 403, "role-required");
            assertThat(facilitator
                            .as("participant")
                            .get(w.path("/you-said-we-did"))
                            .status())
                    .isEqualTo(200);

            // rebuilt by replay: the same dashboard, now and as of then
            Instant replayedAt = Instant.now();
            String before = cat.get(c + "/dashboard?asOf=" + replayedAt).body();
            JsonNode thenBefore = cat.get(c + "/dashboard?asOf=" + afterQ2).json();
            StreamingEventProcessor processor = app.bean(EventProcessingConfiguration.class)
                    .eventProcessor("contract", StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
            app.readFromSettledHead();
            assertThat(cat.get(c + "/dashboard?asOf=" + afterQ2).json()).isEqualTo(thenBefore);
            assertThat(cat.get(c + "/dashboard?asOf=" + replayedAt).body()).isEqualTo(before);
            now(() -> cat.get(c).json(), v -> v.get("kpis").size() == 3);
        }
    }
}
