package org.goldenthread.infra.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.goldenthread.infra.web.Problems;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing (HTTP Basic and the browser sign-in form alike): each user name and each address may fail to
 * sign in {@code failures} times per period
 * (token buckets, Bucket4j); beyond that a sign-in with a password for that user, or from that address, is answered
 * 429 with {@code Retry-After} until the bucket refills — before the password is even checked. Counted in
 * {@code goldenthread_sign_in_failures_total} and {@code goldenthread_sign_in_throttled_total}.
 */
public class SignInThrottle extends OncePerRequestFilter {

    /** Buckets kept at most; beyond it the full ones (nobody failing lately) are dropped. */
    private static final int MAX_BUCKETS = 10_000;

    private final SecurityProperties.SignIn policy;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Counter failures;
    private final Counter throttled;

    public SignInThrottle(SecurityProperties.SignIn policy, MeterRegistry meters) {
        this.policy = policy;
        this.failures = Counter.builder("goldenthread.sign.in.failures")
                .description("Failed sign-ins")
                .register(meters);
        this.throttled = Counter.builder("goldenthread.sign.in.throttled")
                .description("Sign-ins refused because too many failed lately (per user or address)")
                .register(meters);
    }

    private Bucket bucket(String key) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= policy.failures());
        }
        return buckets.computeIfAbsent(
                key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(policy.failures())
                                .refillGreedy(policy.failures(), policy.period())
                                .build())
                        .build());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = basicUser(request.getHeader("Authorization"));
        if (user == null
                && "POST".equals(request.getMethod())
                && request.getRequestURI().equals(request.getContextPath() + "/login")) {
            user = request.getParameter("username"); // the browser sign-in form
        }
        if (user != null) {
            long waitNanos = Math.max(wait("user:" + user), wait("address:" + request.getRemoteAddr()));
            if (waitNanos > 0) {
                throttled.increment();
                long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos) + 1);
                response.setHeader("Retry-After", Long.toString(seconds));
                Problems.write(
                        request,
                        response,
                        HttpStatus.TOO_MANY_REQUESTS,
                        "sign-in-throttled",
                        "Too Many Requests",
                        "Too many failed sign-ins for this user or from this address: try again in " + seconds + " s",
                        Map.of("rule", "sign-in-throttled", "retryAfterSeconds", seconds));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Nanoseconds until one more failure would be allowed; 0 when it is now. */
    private long wait(String key) {
        Bucket b = buckets.get(key);
        return b == null || b.getAvailableTokens() > 0
                ? 0
                : b.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    /** A failed sign-in (a wrong password, an unknown user) costs a token of the user's and of the address's bucket. */
    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        failures.increment();
        String user = event.getAuthentication().getName();
        if (user != null) {
            bucket("user:" + user).tryConsume(1);
        }
        if (event.getAuthentication().getDetails()
                        instanceof org.springframework.security.web.authentication.WebAuthenticationDetails d
                && d.getRemoteAddress() != null) {
            bucket("address:" + d.getRemoteAddress()).tryConsume(1);
        }
    }

    static String basicUser(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
