package org.goldenthread.infra.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.TestUsers;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser sign-in: a form that starts a session; the API accepts the session, a write on it only with the
 * session's CSRF token; a wrong password is not a session; signing out ends it; the pages of a programme answer 404
 * to someone who is not a member, as the API does.
 */
class BrowserSessionHttpTest {

    @TempDir
    Path data;

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> signIn(HttpClient http, String base, String user, String password)
            throws Exception {
        String page =
                send(http, HttpRequest.newBuilder(URI.create(base + "/login"))).body();
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(token(page), StandardCharsets.UTF_8);
        return send(
                http,
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Test
    void a_session_from_the_form_reads_and_acts_through_the_api_with_its_csrf_token() throws Exception {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            String base = "http://127.0.0.1:" + app.port();
            Workshop w = Workshop.launch(app.api("facilitator"));
            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();

            // not signed in: the pages send to the sign-in form
            HttpResponse<String> before = send(browser, HttpRequest.newBuilder(URI.create(base + "/app")));
            assertThat(before.statusCode()).isEqualTo(302);
            assertThat(before.headers().firstValue("Location").orElseThrow()).endsWith("/login");

            // a wrong password starts nothing
            HttpResponse<String> wrong = signIn(browser, base, "facilitator", "not-the-password");
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
            assertThat(send(browser, HttpRequest.newBuilder(URI.create(base + "/api/programmes")))
                            .statusCode())
                    .isEqualTo(401);

            HttpResponse<String> in = signIn(browser, base, "facilitator", TestUsers.password("facilitator"));
            assertThat(in.statusCode()).isEqualTo(302);
            assertThat(in.headers().firstValue("Location").orElseThrow()).endsWith("/app");
            String cookie = in.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst()
                    .orElseThrow();
            assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");

            // the session reads the API and the pages
            HttpResponse<String> list = send(
                    browser,
                    HttpRequest.newBuilder(URI.create(base + "/api/programmes")).header("Accept", "application/json"));
            assertThat(list.statusCode()).isEqualTo(200);
            assertThat(list.body()).contains(w.id);
            HttpResponse<String> page =
                    send(browser, HttpRequest.newBuilder(URI.create(base + "/app/programmes/" + w.id)));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
            String csrf = token(page.body());

            // a write on the session without its token is refused, naming the rule; with it, done
            String theme = "{\"title\":\"I am lonely\",\"statementIds\":[\""
                    + w.review("P-1", "NOT_WORKING", 1, "I have only one friend")
                            .get(0) + "\"]}";
            HttpResponse<String> forged = send(
                    browser,
                    HttpRequest.newBuilder(URI.create(base + "/api/programmes/" + w.id + "/boards/NOT_WORKING/themes"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(theme)));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.headers().firstValue("Content-Type").orElseThrow())
                    .startsWith("application/problem+json");
            assertThat(forged.body()).contains("csrf-token-required");
            HttpResponse<String> done = send(
                    browser,
                    HttpRequest.newBuilder(URI.create(base + "/api/programmes/" + w.id + "/boards/NOT_WORKING/themes"))
                            .header("Content-Type", "application/json")
                            .header("X-CSRF-TOKEN", csrf)
                            .POST(HttpRequest.BodyPublishers.ofString(theme)));
            assertThat(done.statusCode()).as(done.body()).isEqualTo(201);

            // Basic clients are unchanged: no session, no token needed
            assertThat(app.api("facilitator")
                            .post(
                                    "/api/programmes/" + w.id + "/boards/NOT_WORKING/themes",
                                    java.util.Map.of("title", "I am bored", "statementIds", java.util.List.of()))
                            .status())
                    .isNotEqualTo(403);

            // signing out ends the session
            HttpResponse<String> out = send(
                    browser,
                    HttpRequest.newBuilder(URI.create(base + "/logout"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))));
            assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?signedout");
            assertThat(send(browser, HttpRequest.newBuilder(URI.create(base + "/api/programmes")))
                            .statusCode())
                    .isEqualTo(401);

            // a member of nothing: the programme's page is 404, as the API is
            HttpClient other = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
            signIn(other, base, "facilitator2", TestUsers.password("facilitator2"));
            HttpResponse<String> hidden =
                    send(other, HttpRequest.newBuilder(URI.create(base + "/app/programmes/" + w.id)));
            assertThat(hidden.statusCode()).isEqualTo(404);
            assertThat(hidden.body()).doesNotContain("We are using WTfC");
        }
    }
}
