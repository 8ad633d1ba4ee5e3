package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.Api.Response;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rest of the Do stage over HTTP: aligning values before contracting (cover, the uncovered, call-outs agreed by
 * both), provider-led innovation (a proposal accepted, one declined), a prototype KPI reviewed and retired, a contract
 * review with follow-ups, and a user removed from an organisation losing sight of its contracts at the next request.
 */
class DoStageHttpTest {

    @TempDir
    Path data;

    static final LocalDate START = LocalDate.now(ZoneOffset.UTC).minusMonths(7).withDayOfMonth(1);

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

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }

    static Map<String, Object> kpi(String name, boolean prototype) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kind", "QUANTITATIVE");
        body.put("unit", "people");
        body.put("baseline", Map.of("value", "10", "date", START.toString(), "source", "register"));
        body.put("target", "20");
        body.put("direction", "INCREASE");
        body.put("tolerance", 2.0);
        body.put("cadence", "MONTHLY");
        body.put("level", "OUTCOME");
        body.put("justification", "the people's panel asked for it");
        if (prototype) {
            body.put("prototype", true);
            body.put("reviewBy", START.plusMonths(1).toString());
        }
        return body;
    }

    @Test
    void values_are_aligned_proposals_decided_a_prototype_reviewed_and_a_contract_reviewed() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api facilitator = app.api("facilitator");
            Workshop w = Workshop.launch(facilitator);
            Api admin = facilitator.as("admin");
            Api cat = facilitator.as("commissioner");
            Api pat = facilitator.as("provider");
            Api oz = facilitator.as("provider2");
            String council = created(
                    admin, "/api/organisations", Map.of("name", "Council", "kind", "COMMISSIONING"), "organisationId");
            String care = created(
                    admin, "/api/organisations", Map.of("name", "Care Ltd", "kind", "PROVIDER"), "organisationId");
            String other = created(
                    admin, "/api/organisations", Map.of("name", "Other Care", "kind", "PROVIDER"), "organisationId");
            done(admin, "PUT", "/api/organisations/" + council + "/users/commissioner", Map.of("reason", "lead"));
            done(admin, "PUT", "/api/organisations/" + care + "/users/provider", Map.of("reason", "manager"));
            done(admin, "PUT", "/api/organisations/" + other + "/users/provider2", Map.of("reason", "manager"));
            refused(cat.post("/api/organisations", Map.of("name", "Mine", "kind", "PROVIDER")), 403, "role-required");
            refused(admin.post("/api/organisations", Map.of("name", "Mine", "kind", "CHARITY")), 400, null);
            JsonNode listed = pat.get("/api/organisations").json();
            for (JsonNode o : listed) {
                // who acts for an organisation: shown to its own users only
                assertThat(o.get("users").size())
                        .isEqualTo(o.get("organisationId").asText().equals(care) ? 1 : 0);
            }

            // values alignment: the council's standard, the provider's behaviours, the cover and the call-outs
            String a = created(
                    cat,
                    "/api/alignments",
                    Map.of(
                            "commissionerId",
                            council,
                            "providerId",
                            care,
                            "purpose",
                            "Before the home support contract"),
                    "alignmentId");
            String al = "/api/alignments/" + a;
            String dignity = created(
                    cat,
                    al + "/values",
                    Map.of(
                            "kind",
                            "STANDARD",
                            "code",
                            "1.1",
                            "text",
                            "People are treated with dignity",
                            "source",
                            "Care Standard"),
                    "valueId");
            String choice = created(
                    cat, al + "/values", Map.of("kind", "STANDARD", "code", "1.2", "text", "People choose"), "valueId");
            String knock = created(
                    pat,
                    al + "/values",
                    Map.of("kind", "BEHAVIOUR", "text", "We knock and wait to be asked in"),
                    "valueId");
            done(pat, "POST", al + "/links", Map.of("coveringValueId", knock, "coveredValueId", dignity));
            refused(
                    pat.post(al + "/links", Map.of("coveringValueId", choice, "coveredValueId", dignity)),
                    409,
                    "cover-links-two-parties");
            done(pat, "POST", al + "/values/" + knock + "/call-out", null);
            done(cat, "POST", al + "/values/" + knock + "/call-out", null);
            JsonNode alignment = cat.get(al).json();
            assertThat(values(alignment.get("commissioner").get("uncovered"), "valueId"))
                    .containsExactly(choice);
            assertThat(alignment.get("commissioner").get("covered").asBoolean()).isFalse();
            assertThat(values(alignment.get("agreedCallOuts"), "valueId")).containsExactly(knock);
            refused(oz.get(al), 404, null);
            refused(oz.post(al + "/values", Map.of("kind", "VALUE", "text", "Speed")), 404, null);

            // a contract with a prototype KPI
            Map<String, Object> draft = new HashMap<>();
            draft.put("commissionerId", council);
            draft.put("providerId", care);
            draft.put("service", "Home support");
            draft.put("periodStart", START.toString());
            draft.put("periodEnd", START.plusYears(1).minusDays(1).toString());
            draft.put("programmeIds", List.of(w.id));
            String c = "/api/contracts/" + created(cat, "/api/contracts", draft, "contractId");
            String k1 = created(cat, c + "/kpis", kpi("Friendships started", true), "kpiId");
            done(pat, "POST", c + "/agreement", Map.of());
            done(cat, "POST", c + "/activation", null);
            done(pat, "POST", c + "/kpis/" + k1 + "/actuals", Map.of("periodStart", START.toString(), "value", "12"));
            refused(
                    pat.post(
                            c + "/kpis/" + k1 + "/actuals",
                            Map.of("periodStart", START.plusMonths(2).toString(), "value", "14")),
                    409,
                    "prototype-kpi-reviewed");
            JsonNode before = cat.get(c + "/dashboard").json().get("kpis").get(0);
            assertThat(before.get("prototype").asBoolean()).isTrue();
            assertThat(before.get("reviewDue").asBoolean()).isTrue();

            // provider-led innovation: one proposal accepted, one declined
            Map<String, Object> idea = new HashMap<>(kpi("Neighbours who visit", false));
            idea.put("effectiveFrom", START.plusMonths(3).toString());
            idea.put("reason", "Our night team's idea");
            JsonNode proposed = pat.post(c + "/proposals", Map.of("kpi", idea)).json();
            refused(cat.post(c + "/proposals", Map.of("kpi", idea)), 409, "provider-proposes");
            done(
                    cat,
                    "POST",
                    c + "/proposals/" + proposed.get("proposalId").asText() + "/decision",
                    Map.of("accept", true, "reason", "Good idea"));
            String second = pat.post(c + "/proposals", Map.of("kpi", idea))
                    .json()
                    .get("proposalId")
                    .asText();
            done(
                    cat,
                    "POST",
                    c + "/proposals/" + second + "/decision",
                    Map.of("accept", false, "reason", "One is enough"));
            refused(
                    cat.post(c + "/proposals/" + second + "/decision", Map.of("accept", true, "reason", "again")),
                    409,
                    "proposal-decided-once");

            // the prototype reviewed: retired, with a reason
            done(
                    cat,
                    "POST",
                    c + "/kpis/" + k1 + "/review",
                    Map.of("outcome", "RETIRE", "reason", "It counted the wrong thing"));
            refused(
                    pat.post(
                            c + "/kpis/" + k1 + "/actuals",
                            Map.of("periodStart", START.plusMonths(1).toString(), "value", "13")),
                    409,
                    "retired-kpi-takes-no-actuals");

            // a contract review with follow-ups
            created(
                    pat,
                    c + "/reviews",
                    Map.of(
                            "heldOn", LocalDate.now(ZoneOffset.UTC).toString(),
                            "outcomes", "Friendships are up; the prototype is retired",
                            "actions",
                                    List.of(Map.of(
                                            "action",
                                            "Share the neighbours idea",
                                            "owner",
                                            "Care Ltd",
                                            "due",
                                            LocalDate.now(ZoneOffset.UTC)
                                                    .plusMonths(1)
                                                    .toString()))),
                    "reviewId");

            JsonNode contract = cat.get(c).json();
            assertThat(values(contract.get("proposals"), "decision")).containsExactly("ACCEPTED", "DECLINED");
            assertThat(contract.get("kpis").size()).isEqualTo(2);
            assertThat(contract.get("kpis").get(0).get("retired").asBoolean()).isTrue();
            assertThat(contract.get("kpis").get(1).get("proposalId").asText())
                    .isEqualTo(proposed.get("proposalId").asText());
            assertThat(contract.get("reviews")
                            .get(0)
                            .get("actions")
                            .get(0)
                            .get("owner")
                            .asText())
                    .isEqualTo("Care Ltd");
            JsonNode dashboard = cat.get(c + "/dashboard").json();
            assertThat(dashboard.get("kpis").get(0).get("retired").asBoolean()).isTrue();
            assertThat(dashboard.get("mix").get("outcome").asInt()).isEqualTo(1); // the retired one no longer counts

            // the contract's own hash chain verifies, for its parties only
            JsonNode chain = cat.get(c + "/audit/verify").json();
            assertThat(chain.get("verified").asBoolean()).as(chain.toString()).isTrue();
            assertThat(chain.get("events").asInt()).isGreaterThan(8);
            refused(oz.get(c + "/audit/verify"), 404, null);
            assertThat(cat.get(al + "/audit/verify").json().get("verified").asBoolean())
                    .isTrue();
            refused(oz.get(al + "/audit/verify"), 404, null);
            JsonNode organisation = facilitator
                    .as("auditor")
                    .get("/api/organisations/" + care + "/audit/verify")
                    .json();
            assertThat(organisation.get("verified").asBoolean())
                    .as(organisation.toString())
                    .isTrue();
            assertThat(organisation.get("events").asInt()).isEqualTo(2); // registered, one user added
            refused(cat.get("/api/organisations/" + care + "/audit/verify"), 403, "role-required");

            // a user removed from the provider no longer sees its contracts, from the very next request
            done(admin, "DELETE", "/api/organisations/" + care + "/users/provider", Map.of("reason", "left"));
            refused(pat.get(c), 404, null);
            assertThat(pat.get("/api/contracts").json().size()).isZero();
        }
    }
}
