package org.goldenthread.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.goldenthread.infra.store.IdempotencyStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Safe retries: a {@code POST} under {@code /api/} with an {@value #HEADER} header is done once. The first request
 * with a key (per user) is answered as usual and its answer kept; a repeat with the same key and the same request
 * gets that answer again (with {@value #REPLAYED}{@code : true}) and appends nothing. The same key with a different
 * request is refused (422, {@code idempotency-key-reused}); a repeat while the first is still being answered is
 * refused (409, {@code idempotency-key-in-progress}). Answers of 5xx are not kept, so such a request may be retried
 * with its key. Keys are kept for {@code goldenthread.idempotency.ttl} (default 24 h).
 *
 * <p>Runs after sign-in (a key belongs to the user who sent it) and after the request-size cap.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final List<String> KEPT_HEADERS =
            List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_TYPE, Acts.POSITION);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final IdempotencyStore store;

    public IdempotencyFilter(IdempotencyStore store) {
        this.store = store;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!KEY.matcher(key).matches()) {
            Problems.write(
                    request,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "invalid-input",
                    "Invalid input",
                    HEADER + " must be 1 to 255 visible ASCII characters",
                    Map.of("field", HEADER));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestSizeFilter.PayloadTooLarge e) {
            Problems.write(
                    request,
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large",
                    "Too large",
                    e.getMessage(),
                    Map.of("limit", e.limit(), "max", e.max(), "field", "body"));
            return;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String scope = (auth == null ? "" : auth.getName()) + "\n" + key;
        String fingerprint = fingerprint(request, body);

        if (!store.claim(scope, fingerprint)) {
            Optional<IdempotencyStore.Entry> entry = store.find(scope);
            if (entry.isEmpty() || !entry.get().done()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                Problems.write(
                        request,
                        response,
                        HttpStatus.CONFLICT,
                        "idempotency-key-in-progress",
                        "Conflict",
                        "a request with this " + HEADER + " is still being answered; try again shortly",
                        Map.of("rule", "idempotency-key-in-progress"));
            } else if (!entry.get().fingerprint().equals(fingerprint)) {
                Problems.write(
                        request,
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused",
                        "Key reused",
                        "this " + HEADER + " was used for a different request; use a new key for a new act",
                        Map.of("rule", "idempotency-key-reused"));
            } else {
                replay(entry.get(), response);
            }
            return;
        }

        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new Replayed(request, body), captured);
            if (captured.getStatus() < 500) {
                store.complete(
                        scope,
                        captured.getStatus(),
                        headers(captured),
                        new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8));
                kept = true;
            }
        } finally {
            if (!kept) {
                store.release(scope);
            }
            captured.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.Entry entry, HttpServletResponse response) throws IOException {
        response.setStatus(entry.status());
        Map<?, ?> headers = entry.headers() == null ? Map.of() : JSON.readValue(entry.headers(), Map.class);
        headers.forEach((name, value) -> response.setHeader(name.toString(), value.toString()));
        response.setHeader(REPLAYED, "true");
        byte[] body = entry.body() == null ? new byte[0] : entry.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String headers(HttpServletResponse response) {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = name.equals(HttpHeaders.CONTENT_TYPE) ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                kept.put(name, value);
            }
        }
        return JSON.writeValueAsString(kept);
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '?');
            if (request.getQueryString() != null) {
                sha.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) '\n');
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read already, served again to whatever reads it next. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        if (in.available() > 0) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
