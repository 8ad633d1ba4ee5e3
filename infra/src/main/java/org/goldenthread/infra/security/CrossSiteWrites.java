package org.goldenthread.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.goldenthread.infra.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser may send cached HTTP Basic credentials with a request another site made it send. Such a request can only
 * be a "simple" one: a form's content type ({@code application/x-www-form-urlencoded}, {@code multipart/form-data},
 * {@code text/plain}) or a fetch without a body. So a write (any method but GET, HEAD, OPTIONS) to the API is refused
 * with 415 when its body is of a form's type, and with 403 when the browser says it comes from another site
 * ({@code Sec-Fetch-Site}) or names an {@code Origin} other than this service.
 */
public class CrossSiteWrites extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final Set<String> FORM_TYPES =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null) {
            String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (FORM_TYPES.contains(bare)) {
                Problems.write(
                        request,
                        response,
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "form-content-refused",
                        "Unsupported Media Type",
                        "The API takes JSON (and text/csv for imports), never a form's content type (" + bare + ")",
                        Map.of("rule", "form-content-refused", "contentType", bare));
                return;
            }
        }
        String site = request.getHeader("Sec-Fetch-Site");
        boolean crossSite = site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"));
        String origin = request.getHeader("Origin");
        if (crossSite || (origin != null && !sameOrigin(origin, request))) {
            Problems.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Forbidden",
                    "A write from another site is refused",
                    Map.of("rule", "cross-site-write"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean sameOrigin(String origin, HttpServletRequest request) {
        try {
            URI o = URI.create(origin);
            String host = request.getHeader("Host");
            return o.getAuthority() != null && host != null && o.getAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
