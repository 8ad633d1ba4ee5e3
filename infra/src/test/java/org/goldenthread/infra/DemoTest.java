package org.goldenthread.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.goldenthread.infra.support.Api.now;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.goldenthread.infra.demo.DemoLoader;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --demo} shows a populated board built from the method's own examples at once, and loads only once. */
class DemoTest {

    @TempDir
    Path data;

    @Test
    void the_demo_switch_loads_the_seed_examples_once() {
        String[] args = GoldenThreadApplication.withDemoSwitch(new String[] {"--demo", "--server.port=0"});
        assertThat(args).containsExactly("--goldenthread.demo=true", "--server.port=0");
        for (int start = 0; start < 2; start++) {
            try (RunningApp app =
                    RunningApp.start(data, "goldenthread.demo=true").readFromHead()) {
                Api api = app.api("auditor");
                JsonNode board = now(
                                () -> api.get("/api/programmes/" + DemoLoader.PROGRAMME_ID + "/boards/NOT_WORKING"),
                                r -> r.status() == 200 && r.json().get("themes").size() == 5)
                        .json();
                List<String> titles = new ArrayList<>();
                board.get("themes").forEach(t -> titles.add(t.get("title").asText()));
                assertThat(titles).contains("I am lonely", "I don't like where I live");
                assertThat(board.get("themes")
                                .get(0)
                                .get("statements")
                                .get(0)
                                .get("text")
                                .asText())
                        .isEqualTo("I have only one friend");
                JsonNode working = now(
                        () -> api.get("/api/programmes/" + DemoLoader.PROGRAMME_ID + "/boards/WORKING")
                                .json(),
                        w -> w.get("themes").size() == 1);
                assertThat(working.get("themes").get(0).get("title").asText()).isEqualTo("Getting out and about");
                JsonNode programme = now(
                        () -> api.get("/api/programmes/" + DemoLoader.PROGRAMME_ID)
                                .json(),
                        v -> v.get("reviews").asInt() == 5);
                assertThat(programme.get("statements").asInt()).isEqualTo(16);
            }
        }
    }

    @Test
    void a_demo_load_cut_short_is_completed_on_the_next_start() {
        try (RunningApp app = RunningApp.start(data)) {
            // as if an earlier start had died after its first acts
            org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .setAuthentication(
                            org.springframework.security.authentication.UsernamePasswordAuthenticationToken
                                    .authenticated(
                                            "demo",
                                            null,
                                            org.springframework.security.core.authority.AuthorityUtils
                                                    .createAuthorityList("ROLE_FACILITATOR")));
            try {
                org.axonframework.commandhandling.gateway.CommandGateway commands =
                        app.bean(org.axonframework.commandhandling.gateway.CommandGateway.class);
                commands.sendAndWait(new org.goldenthread.kernel.programme.LaunchProgramme(
                        DemoLoader.PROGRAMME_ID,
                        "We are using WTfC to find out what matters so that we change",
                        org.goldenthread.kernel.programme.Level.SERVICE));
                commands.sendAndWait(new org.goldenthread.kernel.programme.GrantMembership(
                        DemoLoader.PROGRAMME_ID,
                        "participant",
                        org.goldenthread.kernel.programme.MemberRole.PARTICIPANT,
                        null,
                        "a demo user"));
                commands.sendAndWait(new org.goldenthread.kernel.programme.RegisterParticipant(
                        DemoLoader.PROGRAMME_ID,
                        "demo-participant-1",
                        "Pat",
                        org.goldenthread.kernel.Perspective.PERSON,
                        "participant"));
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.clearContext();
            }
        }
        try (RunningApp app = RunningApp.start(data, "goldenthread.demo=true").readFromHead()) {
            Api api = app.api("auditor");
            JsonNode board = api.get("/api/programmes/" + DemoLoader.PROGRAMME_ID + "/boards/NOT_WORKING")
                    .json();
            assertThat(board.get("themes")).hasSize(5);
            JsonNode programme =
                    api.get("/api/programmes/" + DemoLoader.PROGRAMME_ID).json();
            assertThat(programme.get("participants")).hasSize(5);
            assertThat(programme.get("statements").asInt()).isEqualTo(16);
            // the demo users are its members, commissioner and provider for their organisations
            JsonNode members = api.get("/api/programmes/" + DemoLoader.PROGRAMME_ID + "/members")
                    .json();
            List<String> roles = new ArrayList<>();
            members.forEach(m ->
                    roles.add(m.get("username").asText() + ":" + m.get("role").asText()));
            assertThat(roles)
                    .contains(
                            "facilitator:FACILITATOR",
                            "participant:PARTICIPANT",
                            "commissioner:COMMISSIONER",
                            "provider:PROVIDER",
                            "auditor:AUDITOR",
                            "analyst:ANALYST");
        }
    }
}
