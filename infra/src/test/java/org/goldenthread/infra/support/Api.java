package org.goldenthread.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Drives the running service over HTTP as a user would: JSON in and out, HTTP Basic as a named user. Reads your
 * writes as the README says: every write's {@code Event-Position} is remembered (for all users of the same app) and
 * sent as {@code Min-Event-Position} with every later read, so a read sees every earlier write without polling.
 * Every exchange is also kept ({@link #exchanges()}) for the contract test against the published OpenAPI document.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One request and its answer, as sent and received. */
    public record Exchange(
            String method,
            String path,
            String query,
            Map<String, List<String>> requestHeaders,
            String requestBody,
            int status,
            Map<String, List<String>> responseHeaders,
            String responseBody) {}

    private final String base;
    private final String user;
    private final AtomicLong position;
    private final List<Exchange> exchanges;

    public Api(int port, String user) {
        this(port, user, new AtomicLong(-1), new CopyOnWriteArrayList<>());
    }

    public Api(int port, String user, AtomicLong position, List<Exchange> exchanges) {
        this.base = "http://127.0.0.1:" + port;
        this.user = user;
        this.position = position;
        this.exchanges = exchanges;
    }

    public Api as(String otherUser) {
        return new Api(port(), otherUser, position, exchanges);
    }

    public int port() {
        return Integer.parseInt(base.substring(base.lastIndexOf(':') + 1));
    }

    /** The highest event position a write has answered so far (-1 before any). */
    public long position() {
        return position.get();
    }

    public List<Exchange> exchanges() {
        return exchanges;
    }

    public record Response(
            int status, String contentType, String body, String location, Map<String, List<String>> headers) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst()
                    .orElse(null);
        }

        public JsonNode json() {
            try {
                return body == null || body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    public Response delete(String path, Object body) {
        return send("DELETE", path, body, "application/json");
    }

    public Response postCsv(String path, String csv) {
        return send("POST", path, csv, "text/csv");
    }

    public Response send(String method, String path, Object body, String contentType) {
        return send(method, path, body, contentType, Map.of());
    }

    /** Sends the request with these extra headers (a read also carries the position of the latest write). */
    public Response send(String method, String path, Object body, String contentType, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.BodyPublisher publisher = text == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, publisher);
            if (contentType != null && body != null) {
                request.header("Content-Type", contentType);
            }
            if (user != null) {
                request.header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + TestUsers.password(user))
                                                .getBytes(StandardCharsets.UTF_8)));
            }
            if (method.equals("GET") && position.get() >= 0 && !headers.containsKey("Min-Event-Position")) {
                request.header("Min-Event-Position", Long.toString(position.get()));
            }
            headers.forEach(request::header);
            HttpRequest sent = request.build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString());
            response.headers()
                    .firstValue("Event-Position")
                    .ifPresent(p -> position.accumulateAndGet(Long.parseLong(p), Math::max));
            URI uri = sent.uri();
            exchanges.add(new Exchange(
                    method,
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    sent.headers().map(),
                    text,
                    response.statusCode(),
                    response.headers().map(),
                    response.body()));
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers().firstValue("Location").orElse(null),
                    response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads once and asserts the condition: with read-your-writes (every read carries the latest write's position)
     * a view already holds every earlier write, so there is nothing to wait for.
     */
    public static <T> T now(Supplier<T> read, Predicate<T> condition) {
        T value = read.get();
        if (!condition.test(value)) {
            throw new AssertionError("the view does not show the writes made before it was read: " + value);
        }
        return value;
    }

    /**
     * Polls until the condition holds (or fails with the last value): only for what is asynchronous by nature (a
     * stream).
     */
    public static <T> T eventually(Supplier<T> read, Predicate<T> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        T last = null;
        RuntimeException lastError = null;
        while (System.nanoTime() < deadline) {
            try {
                last = read.get();
                if (condition.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                // a view that is not there yet (e.g. a 404 problem body, a missing field) means "not yet"
                lastError = e;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("condition not reached within 20 s; last value: " + last, lastError);
    }
}
