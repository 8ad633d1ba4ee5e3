package org.goldenthread.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.goldenthread.kernel.Require;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Every id in a path ({@code {programmeId}}, {@code {themeId}}, …) is checked before the act or query: at most
 * {@code max-id-length} characters (400 naming the limit) and of an id's form (400 naming the field), so an id
 * that cannot exist is never looked up or dispatched.
 */
public class PathIds implements HandlerInterceptor {

    private final RequestLimits limits;

    public PathIds(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        @SuppressWarnings("unchecked")
        Map<String, String> variables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables == null) {
            return true;
        }
        variables.forEach((name, value) -> {
            if (value != null && value.length() > limits.maxIdLength()) {
                throw new LimitExceeded(
                        HttpStatus.BAD_REQUEST,
                        "max-id-length",
                        limits.maxIdLength(),
                        name,
                        name + " has " + value.length() + " characters; at most " + limits.maxIdLength()
                                + " are taken (max-id-length)");
            }
            if (name.endsWith("Id")) {
                Require.id(name, value);
            }
        });
        return true;
    }
}
