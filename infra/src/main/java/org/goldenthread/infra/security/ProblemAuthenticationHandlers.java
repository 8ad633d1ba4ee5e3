package org.goldenthread.infra.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.goldenthread.infra.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/** 401 and 403 as RFC 9457 problem+json, like every other refusal. */
@Component
public class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"golden-thread\"");
        Problems.write(
                request,
                response,
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "Sign in (HTTP Basic or a bearer token) to use the API",
                Map.of());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof org.springframework.security.web.csrf.CsrfException) {
            Problems.write(
                    request,
                    response,
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Forbidden",
                    "A write on a signed-in browser session must carry the session's CSRF token (X-CSRF-TOKEN); "
                            + "reload the page and try again",
                    Map.of("rule", "csrf-token-required"));
            return;
        }
        // the chain refuses operations only (the API's own rules are ProgrammeAccess's): those are for admins (reads:
        // and auditors)
        boolean read = "GET".equals(request.getMethod())
                && request.getRequestURI().startsWith(request.getContextPath() + "/api/admin/");
        Problems.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "Forbidden",
                "Your role may not perform this act",
                Map.of(
                        "rule",
                        "role-required",
                        "rolesAllowed",
                        read
                                ? java.util.List.of("global:ADMIN", "global:AUDITOR")
                                : java.util.List.of("global:ADMIN")));
    }
}
