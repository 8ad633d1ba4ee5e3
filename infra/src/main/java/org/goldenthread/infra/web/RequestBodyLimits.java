package org.goldenthread.infra.web;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks every JSON body against the configured {@link RequestLimits} once it is read, whatever the act: no list
 * longer than {@code max-list-length} (413), no text longer than {@code max-text-length} (400), each named by its
 * path in the body ({@code statements[3].text}). The records' own validation (the method's rules for each field)
 * comes after.
 */
@ControllerAdvice
public class RequestBodyLimits extends RequestBodyAdviceAdapter {

    private final RequestLimits limits;

    public RequestBodyLimits(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    public boolean supports(
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(
            Object body,
            HttpInputMessage inputMessage,
            MethodParameter parameter,
            Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "");
        return body;
    }

    void check(Object value, String path) {
        if (value instanceof String s) {
            if (s.length() > limits.maxTextLength()) {
                throw new LimitExceeded(
                        HttpStatus.BAD_REQUEST,
                        "max-text-length",
                        limits.maxTextLength(),
                        field(path),
                        field(path) + " has " + s.length() + " characters; at most " + limits.maxTextLength()
                                + " are taken (max-text-length)");
            }
        } else if (value instanceof List<?> list) {
            if (list.size() > limits.maxListLength()) {
                throw new LimitExceeded(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "max-list-length",
                        limits.maxListLength(),
                        field(path),
                        field(path) + " has " + list.size() + " elements; at most " + limits.maxListLength()
                                + " are taken (max-list-length)");
            }
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]");
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    check(c.getAccessor().invoke(value), path.isEmpty() ? c.getName() : path + "." + c.getName());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c, e);
                }
            }
        }
    }

    private static String field(String path) {
        return path.isEmpty() ? "body" : path;
    }
}
