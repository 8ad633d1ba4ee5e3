package org.goldenthread.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem documents written outside Spring MVC's exception handling: by servlet filters, the
 * security handlers, the error page and the container's error valve. Same shape as {@link ProblemHandler}'s:
 * {@code type} names the rule or kind of refusal under {@value #TYPES}.
 */
public final class Problems {

    public static final String TYPES = "https://goldenthread.example/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {}

    public static URI type(String name) {
        return URI.create(TYPES + name);
    }

    /** The problem document as JSON bytes. */
    public static byte[] body(
            HttpStatus status, String type, String title, String detail, String instance, Map<String, ?> properties) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", TYPES + type);
        p.put("title", title);
        p.put("status", status.value());
        p.put("detail", detail);
        if (instance != null) {
            p.put("instance", instance);
        }
        if (properties != null) {
            p.putAll(properties);
        }
        return JSON.writeValueAsString(p).getBytes(StandardCharsets.UTF_8);
    }

    /** Writes the problem as the response (status, content type, body), unless the response is committed already. */
    public static void write(
            HttpServletRequest request,
            HttpServletResponse response,
            HttpStatus status,
            String type,
            String title,
            String detail,
            Map<String, ?> properties)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = body(status, type, title, detail, request == null ? null : request.getRequestURI(), properties);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
