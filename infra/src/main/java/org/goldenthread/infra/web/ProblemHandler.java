package org.goldenthread.infra.web;

import com.mongodb.MongoException;
import java.net.URI;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.goldenthread.infra.store.ReadYourWrites;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Refusal;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every refusal as RFC 9457 problem+json: 400 invalid input (naming the field, or every bad CSV line), 404 unknown
 * id, 409 an act the method does not allow now (naming the rule), 413 over a request limit (naming it), 503 when a
 * store or the programme is briefly unavailable (with {@code Retry-After}); anything unforeseen is a 500 in the same
 * form. A refused act has changed nothing: commands are validated before any event is applied.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    static final String RETRY_AFTER_SECONDS = "2";

    /** The problem for a refusal, wherever it was raised (here, or on another node through Axon Server). */
    static ProblemDetail problem(Refusal r) {
        return switch (r.kind()) {
            case INVALID_INPUT -> {
                boolean lines = !r.lines().isEmpty();
                ProblemDetail p = problem(
                        HttpStatus.BAD_REQUEST,
                        lines ? "Import rejected" : "Invalid input",
                        r.message(),
                        lines ? "import-rejected" : "invalid-input");
                p.setProperty("field", r.field());
                if (lines) {
                    p.setProperty("errors", r.lines());
                }
                yield p;
            }
            case UNKNOWN_REFERENCE -> {
                ProblemDetail p = problem(HttpStatus.NOT_FOUND, "Not found", r.message(), "not-found");
                p.setProperty("kind", r.refKind());
                p.setProperty("id", r.refId());
                yield p;
            }
            case RULE_VIOLATION -> {
                ProblemDetail p = problem(HttpStatus.CONFLICT, "Act not allowed now", r.message(), r.rule());
                p.setProperty("rule", r.rule());
                yield p;
            }
        };
    }

    @ExceptionHandler({InvalidInput.class, UnknownReference.class, RuleViolation.class})
    ResponseEntity<ProblemDetail> refused(RuntimeException e) {
        return respond(problem(((Refusal.Refused) e).refusal()));
    }

    @ExceptionHandler(RefusedAct.class)
    ResponseEntity<ProblemDetail> refusedAct(RefusedAct e) {
        return respond(problem(e.refusal()));
    }

    @ExceptionHandler(LimitExceeded.class)
    ResponseEntity<ProblemDetail> limit(LimitExceeded e) {
        ProblemDetail p = problem(
                e.status(),
                e.status() == HttpStatus.CONTENT_TOO_LARGE ? "Too large" : "Invalid input",
                e.getMessage(),
                e.status() == HttpStatus.CONTENT_TOO_LARGE ? "payload-too-large" : "invalid-input");
        p.setProperty("limit", e.limit());
        p.setProperty("max", e.max());
        p.setProperty("field", e.field());
        return respond(p);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> noProgramme(AggregateNotFoundException e) {
        ProblemDetail p = problem(
                HttpStatus.NOT_FOUND,
                "Not found",
                "no programme with id '" + e.getAggregateIdentifier() + "'",
                "not-found");
        p.setProperty("kind", "programme");
        p.setProperty("id", e.getAggregateIdentifier());
        return respond(p);
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(RuntimeException e) {
        ProblemDetail p = problem(
                HttpStatus.CONFLICT,
                "Conflict",
                "the id is already in use or someone else changed it at the same moment; try again",
                "id-in-use");
        p.setProperty("rule", "id-in-use");
        return respond(p);
    }

    /** The programme stayed locked by other acts for longer than a command waits: nothing was done; try again. */
    @ExceptionHandler(LockAcquisitionFailedException.class)
    ResponseEntity<ProblemDetail> busy(LockAcquisitionFailedException e) {
        return unavailable(
                "programme-busy", "the programme is busy with other acts; nothing was done — try again shortly");
    }

    /** A store did not answer: nothing was acknowledged; try again. */
    @ExceptionHandler({MongoException.class, EventStoreException.class, DataAccessException.class})
    ResponseEntity<ProblemDetail> storeDown(RuntimeException e) {
        log.warn("A store failed while answering a request: {}", e.toString());
        return unavailable(
                "store-unavailable", "a store of the service is unavailable; nothing was done — try again shortly");
    }

    /** Read-your-writes: the read model has not reached the asked position within the wait. */
    @ExceptionHandler(ReadYourWrites.Behind.class)
    ResponseEntity<ProblemDetail> behind(ReadYourWrites.Behind e) {
        ResponseEntity<ProblemDetail> r = unavailable("read-model-behind", e.getMessage() + "; try again shortly");
        r.getBody().setProperty("readModel", e.readModel());
        r.getBody().setProperty("position", e.position());
        return r;
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> remote(CommandExecutionException e, WebRequest request) throws Exception {
        // a refusal travels as the command's error details (see RefusalsAsDetails), also through Axon Server
        Object details = e.getDetails().orElse(null);
        if (details instanceof Refusal r) {
            return respond(problem(r));
        }
        Throwable cause = details instanceof Throwable t ? t : e.getCause();
        if (cause instanceof Refusal.Refused refused) {
            return respond(problem(refused.refusal()));
        }
        if (cause instanceof Exception ex && cause != e && !(cause instanceof HandlerExecutionException)) {
            return known(ex);
        }
        return unexpected(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure while answering a request", e);
        return respond(problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "the service failed unexpectedly; nothing is known to have been done",
                "internal-error"));
    }

    private ResponseEntity<ProblemDetail> known(Exception e) {
        if (e instanceof LimitExceeded l) return limit(l);
        if (e instanceof AggregateNotFoundException a) return noProgramme(a);
        if (e instanceof ConcurrencyException || e instanceof AggregateStreamCreationException)
            return concurrent((RuntimeException) e);
        if (e instanceof LockAcquisitionFailedException l) return busy(l);
        if (e instanceof MongoException || e instanceof EventStoreException || e instanceof DataAccessException) {
            return storeDown((RuntimeException) e);
        }
        return unexpected(e);
    }

    private static ResponseEntity<ProblemDetail> unavailable(String type, String detail) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, "Unavailable", detail, type);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeFilter.PayloadTooLarge tooLarge) {
                ProblemDetail p =
                        problem(HttpStatus.CONTENT_TOO_LARGE, "Too large", tooLarge.getMessage(), "payload-too-large");
                p.setProperty("limit", tooLarge.limit());
                p.setProperty("max", tooLarge.max());
                p.setProperty("field", "body");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(p);
            }
            if (t instanceof StreamConstraintsException tooBig) {
                ProblemDetail p = problem(
                        HttpStatus.CONTENT_TOO_LARGE, "Too large", tooBig.getOriginalMessage(), "payload-too-large");
                p.setProperty("limit", "json-constraints");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .body(p);
            }
        }
        String field = null;
        Class<?> expected = null;
        String reason = null;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DatabindException d && !d.getPath().isEmpty() && field == null) {
                field = d.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
            }
            if (t instanceof MismatchedInputException m && expected == null) {
                expected = m.getTargetType();
            }
            if (t instanceof JacksonException j && reason == null) {
                reason = firstLine(j.getOriginalMessage());
            }
        }
        String detail;
        if (field != null && expected != null) {
            detail = "'" + field + "' must be " + describe(expected);
        } else if (field != null) {
            detail = "'" + field + "' has a value of the wrong type or form";
        } else {
            detail = "the request body is not valid JSON for this act" + (reason == null ? "" : ": " + reason);
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", detail, "invalid-input");
        p.setProperty("field", field == null ? "body" : field);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /**
     * Spring MVC's own refusals (405, 406, 415, a bad or missing parameter…) in the same form, naming the parameter.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof org.springframework.web.ErrorResponse error) {
            body = error.updateAndGetBody(
                    getMessageSource(), org.springframework.context.i18n.LocaleContextHolder.getLocale());
        }
        if (body instanceof ProblemDetail p
                && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            HttpStatus status = HttpStatus.resolve(statusCode.value());
            String name = status == null
                    ? "refused-request"
                    : status == HttpStatus.BAD_REQUEST
                            ? "invalid-input"
                            : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            if (status == HttpStatus.BAD_REQUEST) {
                p.setTitle("Invalid input");
            }
            p.setType(URI.create(Problems.TYPES + name));
            if (ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m) {
                p.setProperty("field", m.getName());
                p.setDetail("'" + m.getName() + "' has a value of the wrong form");
            } else if (ex instanceof org.springframework.web.bind.MissingServletRequestParameterException m) {
                p.setProperty("field", m.getParameterName());
            } else if (ex instanceof org.springframework.web.bind.MissingRequestHeaderException m) {
                p.setProperty("field", m.getHeaderName());
            }
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** What a JSON value of this type looks like, in words a client can act on (no coercion is made). */
    static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number (a JSON number without a fraction, not a string)";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number (a JSON number, not a string)";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text (a JSON string)";
        }
        if (type == java.time.LocalDate.class) {
            return "a date written as a string like \"2026-05-01\"";
        }
        if (type == java.time.Instant.class) {
            return "an instant written as a string like \"2026-05-01T10:00:00Z\"";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list (a JSON array)";
        }
        return "an object of the documented form";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static ProblemDetail problem(HttpStatusCode status, String title, String detail, String type) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create(Problems.TYPES + type));
        return p;
    }
}
