package org.goldenthread.infra.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The contract test: every request and answer the HTTP tests exchanged, validated against the OpenAPI document the
 * service publishes ({@code /v3/api-docs}). Every answer must be documented (its status, its content type, its body's
 * schema); a request the service accepted (2xx) must be documented too (its path, parameters, headers and body).
 * A refused request is not held to the schema — refusing it was the point — only its answer is.
 */
public final class Contract {

    private Contract() {}

    /** The violations, one line each; empty when every exchange is as documented. */
    public static List<String> violations(String apiDocs, List<Api.Exchange> exchanges) {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(apiDocs)
                .build();
        List<String> out = new ArrayList<>();
        for (Api.Exchange e : exchanges) {
            if (!e.path().startsWith("/api/")) {
                continue;
            }
            SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(e.method()), e.path());
            if (e.query() != null) {
                for (String pair : e.query().split("&")) {
                    int eq = pair.indexOf('=');
                    String name = java.net.URLDecoder.decode(
                            eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                    String value = eq < 0
                            ? ""
                            : java.net.URLDecoder.decode(
                                    pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                    request.withQueryParam(name, value);
                }
            }
            e.requestHeaders().forEach((name, values) -> request.withHeader(name, values));
            if (e.requestBody() != null) {
                request.withBody(e.requestBody());
            }
            SimpleResponse.Builder response = SimpleResponse.Builder.status(e.status());
            for (Map.Entry<String, List<String>> h : e.responseHeaders().entrySet()) {
                if (h.getKey() != null && !h.getKey().startsWith(":")) {
                    response.withHeader(h.getKey(), h.getValue());
                }
            }
            if (e.responseBody() != null && !e.responseBody().isEmpty()) {
                response.withBody(e.responseBody());
            }
            ValidationReport report = validator.validate(request.build(), response.build());
            boolean accepted = e.status() >= 200 && e.status() < 300;
            for (ValidationReport.Message m : report.getMessages()) {
                if (m.getLevel() != ValidationReport.Level.ERROR) {
                    continue;
                }
                if (!accepted && m.getKey().startsWith("validation.request")) {
                    continue;
                }
                out.add(e.method() + " " + e.path() + (e.query() == null ? "" : "?" + e.query()) + " → " + e.status()
                        + ": [" + m.getKey() + "] " + m.getMessage().replace('\n', ' '));
            }
        }
        return out;
    }
}
