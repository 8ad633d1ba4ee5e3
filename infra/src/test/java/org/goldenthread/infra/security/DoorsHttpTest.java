package org.goldenthread.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.goldenthread.infra.support.Api;
import org.goldenthread.infra.support.RunningApp;
import org.goldenthread.infra.support.Workshop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No default doors: no demo users without --demo, no start with a guessable password or without a master key, the
 * browser-safety headers on every answer, no form or cross-site writes, sign-in guessing slowed down, and with an
 * OAuth2 issuer the audience and roles are checked and HTTP Basic is off.
 */
class DoorsHttpTest {

    @TempDir
    Path data;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_guessable_configured_password_or_a_missing_master_key_stops_the_start_with_what_to_do() {
        assertThatThrownBy(() -> RunningApp.start(
                                data.resolve("weak"),
                                "goldenthread.read-store=memory",
                                "goldenthread.security.users[9].name=bob",
                                "goldenthread.security.users[9].password=bob",
                                "goldenthread.security.users[9].role=FACILITATOR")
                        .close())
                .rootCause()
                .hasMessageContaining("Refusing to start")
                .hasMessageContaining("[bob]")
                .hasMessageContaining("OAuth2");
        assertThatThrownBy(() -> RunningApp.start(
                                data.resolve("nokey"),
                                "goldenthread.read-store=memory",
                                "goldenthread.keys.master-key=")
                        .close())
                .rootCause()
                .hasMessageContaining("no master key")
                .hasMessageContaining("GOLDENTHREAD_KEYS_MASTER_KEY");
    }

    @Test
    void without_demo_the_demo_passwords_open_nothing_and_every_answer_carries_the_browser_safety_headers() {
        try (RunningApp app = RunningApp.start(data, "goldenthread.read-store=memory")) {
            Api.Response demo = new Api(app.port(), null)
                    .send(
                            "GET",
                            "/api/programmes",
                            null,
                            "application/json",
                            Map.of("Authorization", basic("admin", "admin")));
            assertThat(demo.status()).isEqualTo(401);
            // the OpenAPI document is not public unless configured so (or in demo mode)
            assertThat(app.api(null).get("/v3/api-docs").status()).isEqualTo(401);

            Api.Response r = app.api("facilitator").get("/api/programmes");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.headers().get("Content-Security-Policy").get(0))
                    .contains("frame-ancestors 'none'")
                    .contains("default-src 'self'");
            assertThat(r.headers().get("X-Frame-Options")).containsExactly("DENY");
            assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
            assertThat(r.headers()).doesNotContainKey("Set-Cookie");

            // a form's content type is refused for any write, with or without a body
            Api facilitator = app.api("facilitator");
            for (String type :
                    List.of("application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain")) {
                Api.Response form = facilitator.send("POST", "/api/programmes", "purpose=x&level=UNIT", type, Map.of());
                assertThat(form.status()).as(type).isEqualTo(415);
                assertThat(form.json().get("rule").asText()).isEqualTo("form-content-refused");
            }
            // a write another site made the browser send is refused
            Map<String, Object> launch =
                    Map.of("purpose", "We are using WTfC to listen so that we change", "level", "UNIT");
            Api.Response crossSite = facilitator.send(
                    "POST", "/api/programmes", launch, "application/json", Map.of("Sec-Fetch-Site", "cross-site"));
            assertThat(crossSite.status()).isEqualTo(403);
            assertThat(crossSite.json().get("rule").asText()).isEqualTo("cross-site-write");
            Api.Response foreign = facilitator.send(
                    "POST", "/api/programmes", launch, "application/json", Map.of("Origin", "https://evil.example"));
            assertThat(foreign.status()).isEqualTo(403);
            Api.Response own = facilitator.send(
                    "POST",
                    "/api/programmes",
                    launch,
                    "application/json",
                    Map.of("Origin", "http://127.0.0.1:" + app.port(), "Sec-Fetch-Site", "same-origin"));
            assertThat(own.status()).as(own.toString()).isEqualTo(201);
        }
    }

    @Test
    void repeated_failed_sign_ins_are_slowed_down_and_counted() {
        try (RunningApp app = RunningApp.start(
                data,
                "goldenthread.read-store=memory",
                "goldenthread.security.sign-in.failures=3",
                "goldenthread.security.sign-in.period=PT10M",
                "goldenthread.security.public-api-docs=true")) {
            Api anonymous = new Api(app.port(), null);
            for (int i = 0; i < 3; i++) {
                assertThat(anonymous
                                .send(
                                        "GET",
                                        "/api/programmes",
                                        null,
                                        "application/json",
                                        Map.of("Authorization", basic("facilitator", "guess-" + i)))
                                .status())
                        .isEqualTo(401);
            }
            // now even the right password waits: the guesser cannot tell
            Api.Response throttled = app.api("facilitator").get("/api/programmes");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.json().get("rule").asText()).isEqualTo("sign-in-throttled");
            assertThat(Long.parseLong(throttled.headers().get("Retry-After").get(0)))
                    .isPositive();
            MeterRegistry meters = app.bean(MeterRegistry.class);
            assertThat(meters.get("goldenthread.sign.in.failures").counter().count())
                    .isEqualTo(3.0);
            assertThat(meters.get("goldenthread.sign.in.throttled").counter().count())
                    .isEqualTo(1.0);
        }
    }

    @Test
    void with_an_oauth2_issuer_the_audience_and_roles_are_checked_and_basic_is_off() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path pem = data.resolve("issuer.pem");
        Files.writeString(
                pem,
                "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                .encodeToString(keys.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
        try (RunningApp app = RunningApp.start(
                data,
                "goldenthread.read-store=memory",
                "spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + pem.toAbsolutePath(),
                "goldenthread.security.public-api-docs=true")) {
            RSAPrivateKey key = (RSAPrivateKey) keys.getPrivate();
            HttpClient http = HttpClient.newHttpClient();
            Map<String, Object> launch =
                    Map.of("purpose", "We are using WTfC to listen so that we change", "level", "UNIT");

            HttpResponse<String> launched =
                    post(http, app, token(key, "golden-thread", List.of("FACILITATOR"), "fiona", null), launch);
            assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
            String programme = JSON.readTree(launched.body()).get("programmeId").asText();
            HttpResponse<String> read = get(
                    http,
                    app,
                    token(key, "golden-thread", List.of("FACILITATOR"), "fiona", null),
                    "/api/programmes/" + programme);
            assertThat(read.statusCode()).isEqualTo(200);

            assertThat(post(http, app, token(key, "another-service", List.of("FACILITATOR"), "fiona", null), launch)
                            .statusCode())
                    .isEqualTo(401);
            HttpResponse<String> roleless =
                    get(http, app, token(key, "golden-thread", List.of(), "rob", null), "/api/programmes");
            assertThat(roleless.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(roleless.body()).get("rule").asText()).isEqualTo("no-known-role");
            assertThat(get(http, app, token(key, "golden-thread", List.of("WIZARD"), "rob", null), "/api/programmes")
                            .statusCode())
                    .isEqualTo(403);
            // a member of nothing sees nothing
            assertThat(get(
                                    http,
                                    app,
                                    token(key, "golden-thread", List.of("PROVIDER"), "pam", "Care Ltd"),
                                    "/api/programmes/" + programme)
                            .statusCode())
                    .isEqualTo(404);
            // HTTP Basic is off once an issuer is configured
            assertThat(app.api("facilitator").get("/api/programmes").status()).isEqualTo(401);
        }
    }

    @Test
    void the_embedded_read_store_answers_only_this_service() throws Exception {
        try (RunningApp app = RunningApp.start(data)) {
            Workshop.launch(app.api("facilitator"));
            String connection = app.bean(org.goldenthread.infra.store.ReadStoreConfiguration.EmbeddedMongo.class)
                    .connectionString();
            int port = URI.create(connection.replace("mongodb://", "http://")).getPort();
            // the service itself reads and writes it
            assertThat(app.bean(com.mongodb.client.MongoDatabase.class)
                            .listCollectionNames()
                            .into(new java.util.ArrayList<>()))
                    .isNotEmpty();
            // another local user without the service's certificate cannot: neither in plain text nor over TLS
            javax.net.ssl.SSLContext trustAll = javax.net.ssl.SSLContext.getInstance("TLS");
            trustAll.init(
                    null,
                    new javax.net.ssl.TrustManager[] {
                        new javax.net.ssl.X509TrustManager() {
                            public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

                            public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

                            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                                return new java.security.cert.X509Certificate[0];
                            }
                        }
                    },
                    null);
            for (boolean tls : List.of(false, true)) {
                com.mongodb.MongoClientSettings.Builder settings = com.mongodb.MongoClientSettings.builder()
                        .applyConnectionString(new com.mongodb.ConnectionString(
                                "mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=1500"));
                if (tls) {
                    settings.applyToSslSettings(ssl ->
                            ssl.enabled(true).invalidHostNameAllowed(true).context(trustAll));
                }
                try (com.mongodb.client.MongoClient intruder =
                        com.mongodb.client.MongoClients.create(settings.build())) {
                    assertThatThrownBy(() -> intruder.getDatabase("goldenthread")
                                    .listCollectionNames()
                                    .into(new java.util.ArrayList<>()))
                            .as("tls " + tls)
                            .isInstanceOf(com.mongodb.MongoException.class);
                }
            }
        }
    }

    private static String token(
            RSAPrivateKey key, String audience, List<String> roles, String user, String organisation) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject("sub-" + user)
                .audience(audience)
                .claim("preferred_username", user)
                .claim("roles", roles)
                .issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
        if (organisation != null) {
            claims.claim("organisation", organisation);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static HttpResponse<String> post(HttpClient http, RunningApp app, String token, Object body)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/api/programmes"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, RunningApp app, String token, String path)
            throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
