package org.goldenthread.infra.web;

import org.springframework.http.HttpStatus;

/**
 * A request over one of the configured {@link RequestLimits}: 413 for what is too large to take (a body, a file,
 * a list, a file's rows), 400 for a field too long. The problem names the limit, its value and the field.
 */
public class LimitExceeded extends RuntimeException {

    private final HttpStatus status;
    private final String limit;
    private final long max;
    private final String field;

    public LimitExceeded(HttpStatus status, String limit, long max, String field, String message) {
        super(message);
        this.status = status;
        this.limit = limit;
        this.max = max;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String limit() {
        return limit;
    }

    public long max() {
        return max;
    }

    public String field() {
        return field;
    }
}
