package org.goldenthread.infra.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api.Response;

/**
 * A programme driven over HTTP by a facilitator, step by step as a workshop would, asserting each act is done.
 * Reads see every earlier write (the {@link Api} sends the latest write's position).
 */
public final class Workshop {

    public final Api api;
    public final String id;

    private Workshop(Api api, String id) {
        this.api = api;
        this.id = id;
    }

    public static Workshop launch(Api facilitator) {
        Response r = facilitator.post(
                "/api/programmes",
                Map.of(
                        "purpose",
                        "We are using WTfC to hear older people so that support keeps them connected",
                        "level",
                        "SERVICE"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Workshop(facilitator, r.json().get("programmeId").asText());
    }

    /** A programme launched earlier (another run on the same data). */
    public static Workshop resume(Api facilitator, String programmeId) {
        return new Workshop(facilitator, programmeId);
    }

    public String path(String relative) {
        return "/api/programmes/" + id + relative;
    }

    public Response post(String relative, Object body) {
        return api.post(path(relative), body);
    }

    public Response put(String relative, Object body) {
        return api.put(path(relative), body);
    }

    public Response get(String relative) {
        return api.get(path(relative));
    }

    /** POSTs and answers the new id (201 asserted). */
    public String created(String relative, Object body, String idField) {
        Response r = post(relative, body);
        assertThat(r.status()).as(relative + " " + r).isEqualTo(201);
        return r.json().get(idField).asText();
    }

    /** Sends the act and asserts it was done (2xx). */
    public Response done(String method, String relative, Object body) {
        Response r = api.send(method, path(relative), body, "application/json");
        assertThat(r.status()).as(method + " " + relative + " " + r).isBetween(200, 204);
        return r;
    }

    /** GETs a view (200 asserted). */
    public JsonNode view(String relative) {
        Response r = get(relative);
        assertThat(r.status()).as(relative + " " + r).isEqualTo(200);
        return r.json();
    }

    /** Grants the user membership in the role (commissioners and providers for their test organisation). */
    public void member(String username, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("role", role, "reason", "joins the workshop"));
        if (role.equals("COMMISSIONER")) {
            body.put("organisation", TestUsers.COUNCIL);
        }
        if (role.equals("PROVIDER")) {
            body.put("organisation", TestUsers.CARE_PROVIDER);
        }
        done("PUT", "/members/" + username, body);
    }

    /** Registers a participant; one linked to a login is made a member (as a PARTICIPANT) first if need be. */
    public String participant(String name, String perspective, String username) {
        if (username != null && !isMember(username)) {
            member(username, "PARTICIPANT");
        }
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "perspective", perspective));
        if (username != null) {
            body.put("username", username);
        }
        return created("/participants", body, "participantId");
    }

    private boolean isMember(String username) {
        for (JsonNode m : view("/members")) {
            if (m.get("username").asText().equals(username)) {
                return true;
            }
        }
        return false;
    }

    /** Records a review: category, priority, text, … ; answers the statement ids. */
    public List<String> review(String person, Object... categoryPriorityText) {
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
        Response r = post("/reviews", Map.of("person", person, "statements", statements));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        List<String> ids = new ArrayList<>();
        r.json().get("statementIds").forEach(n -> ids.add(n.asText()));
        return ids;
    }

    public String theme(String category, String title, List<String> statementIds) {
        return created(
                "/boards/" + category + "/themes", Map.of("title", title, "statementIds", statementIds), "themeId");
    }

    /** The ids of a programme brought to the Plan step. */
    public record Planned(
            String pat,
            String morgan,
            List<String> statements,
            String lonely,
            String bored,
            String home,
            String causeA,
            String causeB,
            String success,
            String measure,
            String qualitative,
            String train,
            String befriend,
            String ideaBallot) {}

    /**
     * Two participants (Pat, signed in as "participant", and Morgan), four NOT_WORKING statements in three themes,
     * a vote that prioritises them, five whys on "I am lonely" with both causes chosen, a success statement with a
     * quantitative and a qualitative measure, and three ideas of which "train" and "befriend" are chosen.
     */
    public Planned toPlan() {
        String pat = participant("Pat", "PERSON", "participant");
        String morgan = participant("Morgan", "COMMISSIONER", null);
        List<String> s = new ArrayList<>(
                review("P-1", "NOT_WORKING", 1, "I have only one friend", "NOT_WORKING", 2, "I am bored"));
        s.addAll(review(
                "P-2",
                "NOT_WORKING",
                1,
                "I only have staff in my life",
                "NOT_WORKING",
                2,
                "I don't have my own space"));
        String lonely = theme("NOT_WORKING", "I am lonely", List.of(s.get(0), s.get(2)));
        String bored = theme("NOT_WORKING", "I am bored", List.of(s.get(1)));
        String home = theme("NOT_WORKING", "I don't like where I live", List.of(s.get(3)));
        String voting = created("/votings", Map.of("votesPerParticipant", 3, "selectTop", 4), "votingId");
        for (String p : List.of(pat, morgan)) {
            for (String t : List.of(lonely, bored, home)) {
                done("POST", "/votings/" + voting + "/votes", Map.of("participantId", p, "themeId", t));
            }
        }
        done("POST", "/votings/" + voting + "/close", null);
        String why = created(
                "/themes/" + lonely + "/whys",
                Map.of("question", "Why are older people lonely?", "perspective", "PERSON"),
                "whyId");
        String causeA = created(
                "/whys/" + why + "/causes",
                Map.of("text", "Because staff don't connect people", "perspective", "PROVIDER"),
                "causeId");
        String causeB = created(
                "/whys/" + why + "/causes",
                Map.of("text", "Because staff are not trained to", "perspective", "PROVIDER"),
                "causeId");
        String causeBallot = created("/ballots", Map.of("subject", "ROOT_CAUSES", "themeId", lonely), "ballotId");
        done("POST", "/ballots/" + causeBallot + "/votes", Map.of("participantId", pat, "optionId", causeA));
        done("POST", "/ballots/" + causeBallot + "/votes", Map.of("participantId", morgan, "optionId", causeB));
        done("POST", "/ballots/" + causeBallot + "/close", null);
        String success = created(
                "/themes/" + lonely + "/success-statements",
                Map.of(
                        "perspective",
                        "PEOPLE_CARERS_FAMILIES",
                        "text",
                        "I am supported to make new friends",
                        "rootCauseIds",
                        List.of(causeA)),
                "successId");
        String measure =
                created("/success-statements/" + success + "/measures", measure("QUANTITATIVE", "%"), "measureId");
        String qualitative =
                created("/success-statements/" + success + "/measures", measure("QUALITATIVE", null), "measureId");
        String train = created(
                "/themes/" + lonely + "/ideas",
                Map.of(
                        "mode",
                        "TRADITIONAL",
                        "text",
                        "Train staff in relationship building",
                        "rootCauseIds",
                        List.of(causeB)),
                "ideaId");
        String befriend = created(
                "/themes/" + lonely + "/ideas",
                Map.of("mode", "DIFFERENT", "text", "Befriending with the football club", "rootCauseIds", List.of()),
                "ideaId");
        created(
                "/themes/" + lonely + "/ideas",
                Map.of("mode", "RADICAL", "text", "Personal budgets for friendships", "rootCauseIds", List.of()),
                "ideaId");
        String ideaBallot = created("/ballots", Map.of("subject", "IDEAS", "themeId", lonely), "ballotId");
        done("POST", "/ballots/" + ideaBallot + "/votes", Map.of("participantId", pat, "optionId", train));
        done("POST", "/ballots/" + ideaBallot + "/votes", Map.of("participantId", morgan, "optionId", train));
        done("POST", "/ballots/" + ideaBallot + "/votes", Map.of("participantId", morgan, "optionId", befriend));
        done("POST", "/ballots/" + ideaBallot + "/close", null);
        return new Planned(
                pat,
                morgan,
                s,
                lonely,
                bored,
                home,
                causeA,
                causeB,
                success,
                measure,
                qualitative,
                train,
                befriend,
                ideaBallot);
    }

    public static Map<String, Object> measure(String kind, String unit) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "kind",
                kind,
                "description",
                "People reporting at review that they see friends at least once a week",
                "dataSource",
                "review records",
                "alreadyCollected",
                true,
                "proxy",
                false,
                "direction",
                "INCREASE",
                "owner",
                "Commissioning team",
                "frequency",
                "quarterly"));
        if (unit != null) {
            body.put("unit", unit);
        }
        return body;
    }

    /** An action plan's content tracked by the given measures. */
    public static Map<String, Object> plan(
            List<String> measureIds, String keyFeatures, List<Map<String, Object>> milestones) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("keyFeatures", keyFeatures);
        plan.put("involved", List.of("people who use support", "day service staff"));
        plan.put("lead", "Day services manager");
        plan.put("firstSteps", List.of(Map.of("what", "Map what relationships training exists", "due", "2026-02-01")));
        plan.put("milestones", milestones);
        plan.put("resources", List.of(Map.of("what", "Training budget", "from", "Workforce development fund")));
        plan.put("whatElseWouldHelp", "Stories from people who have made new friends");
        plan.put("measureIds", measureIds);
        plan.put("communication", "Quarterly newsletter");
        return plan;
    }
}
