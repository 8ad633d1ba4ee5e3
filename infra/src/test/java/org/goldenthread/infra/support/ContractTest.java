package org.goldenthread.infra.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract check finds what the published document does not say, and passes what it does. */
class ContractTest {

    @TempDir
    static Path data;

    static RunningApp app;
    static String docs;

    @BeforeAll
    static void start() {
        app = RunningApp.start(data, "goldenthread.read-store=memory");
        docs = new Api(app.port(), "admin").get("/v3/api-docs").body();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static Api.Exchange exchange(
            String method, String path, String body, int status, String contentType, String answer) {
        return new Api.Exchange(
                method,
                path,
                null,
                Map.of(
                        "Content-Type",
                        List.of("application/json"),
                        "Authorization",
                        List.of("Basic ZmFjaWxpdGF0b3I6ZmFjaWxpdGF0b3I=")),
                body,
                status,
                Map.of("Content-Type", List.of(contentType)),
                answer);
    }

    @Test
    void a_documented_exchange_passes() {
        assertThat(Contract.violations(
                        docs,
                        List.of(exchange(
                                "POST",
                                "/api/programmes/p1/boards/NOT_WORKING/themes",
                                "{\"title\":\"I am lonely\",\"statementIds\":[\"s1\"]}",
                                201,
                                "application/json",
                                "{\"themeId\":\"t1\"}"))))
                .isEmpty();
        assertThat(Contract.violations(
                        docs,
                        List.of(exchange(
                                "POST",
                                "/api/programmes/p1/boards/NOT_WORKING/themes",
                                "{\"title\":\"\"}",
                                400,
                                "application/problem+json",
                                "{\"type\":\"https://goldenthread.example/problems/invalid-input\",\"title\":\"Invalid "
                                        + "input\",\"status\":400,\"detail\":\"title must not be "
                                        + "blank\",\"field\":\"title\"}"))))
                .isEmpty();
    }

    @Test
    void an_undocumented_status_a_wrong_answer_or_an_undocumented_accepted_request_is_found() {
        assertThat(Contract.violations(
                        docs,
                        List.of(exchange(
                                "POST",
                                "/api/programmes/p1/boards/NOT_WORKING/themes",
                                "{\"title\":\"I am lonely\",\"statementIds\":[\"s1\"]}",
                                418,
                                "application/json",
                                "{}"))))
                .isNotEmpty();
        assertThat(Contract.violations(
                        docs,
                        List.of(exchange(
                                "POST",
                                "/api/programmes/p1/boards/NOT_WORKING/themes",
                                "{\"title\":\"I am lonely\",\"statementIds\":[\"s1\"]}",
                                201,
                                "application/json",
                                "{\"themeId\":5}"))))
                .isNotEmpty();
        assertThat(Contract.violations(
                        docs,
                        List.of(exchange(
                                "POST",
                                "/api/programmes/p1/boards/NOT_WORKING/themes",
                                "{\"title\":7,\"statementIds\":\"s1\"}",
                                201,
                                "application/json",
                                "{\"themeId\":\"t1\"}"))))
                .isNotEmpty();
        assertThat(Contract.violations(
                        docs,
                        List.of(exchange("GET", "/api/programmes/p1/nowhere", null, 200, "application/json", "{}"))))
                .isNotEmpty();
        assertThat(Contract.violations(
                        docs,
                        List.of(exchange(
                                "GET",
                                "/api/programmes/p1/votings/v1",
                                null,
                                200,
                                "application/json",
                                "{\"votesCast\":\"many\"}"))))
                .isNotEmpty();
    }
}
