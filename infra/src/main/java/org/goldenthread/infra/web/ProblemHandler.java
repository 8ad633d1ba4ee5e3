package org.goldenthread.infra.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.goldenthread.collect.ImportRejected;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.RuleViolation;
import org.goldenthread.kernel.UnknownReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;

import java.net.URI;
import java.util.stream.Collectors;

/**
 * Every refusal as RFC 9457 problem+json: 400 invalid input (naming the field, or every bad CSV line),
 * 404 unknown id, 409 an act the method does not allow now (naming the rule). A refused act has changed
 * nothing: commands are validated before any event is applied.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
    private static final String TYPES = "https://goldenthread.example/problems/";

    @ExceptionHandler(ImportRejected.class)
    ProblemDetail importRejected(ImportRejected e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Import rejected", e.getMessage(), "import-rejected");
        p.setProperty("field", e.field());
        p.setProperty("errors", e.errors());
        return p;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalid(InvalidInput e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage(), "invalid-input");
        p.setProperty("field", e.field());
        return p;
    }

    @ExceptionHandler(UnknownReference.class)
    ProblemDetail unknown(UnknownReference e) {
        ProblemDetail p = problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), "not-found");
        p.setProperty("kind", e.kind());
        p.setProperty("id", e.id());
        return p;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail rule(RuleViolation e) {
        ProblemDetail p = problem(HttpStatus.CONFLICT, "Act not allowed now", e.getMessage(), e.rule());
        p.setProperty("rule", e.rule());
        return p;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail noProgramme(AggregateNotFoundException e) {
        ProblemDetail p = problem(HttpStatus.NOT_FOUND, "Not found", "no programme with id '" + e.getAggregateIdentifier() + "'", "not-found");
        p.setProperty("kind", "programme");
        p.setProperty("id", e.getAggregateIdentifier());
        return p;
    }

    @ExceptionHandler({ConcurrencyException.class})
    ProblemDetail concurrent(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", "the id is already in use or someone else changed it at the same moment; try again", "id-in-use");
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> remote(CommandExecutionException e, WebRequest request) throws Exception {
        // through Axon Server the original exception may travel as details or as the cause
        Object details = e.getDetails().orElse(null);
        Throwable cause = details instanceof Throwable t ? t : e.getCause();
        if (cause instanceof Exception ex && cause != e) {
            return handleKnown(ex, request);
        }
        throw e;
    }

    private ResponseEntity<Object> handleKnown(Exception e, WebRequest request) throws Exception {
        ProblemDetail p;
        if (e instanceof ImportRejected r) p = importRejected(r);
        else if (e instanceof InvalidInput i) p = invalid(i);
        else if (e instanceof UnknownReference u) p = unknown(u);
        else if (e instanceof RuleViolation v) p = rule(v);
        else if (e instanceof AggregateNotFoundException a) p = noProgramme(a);
        else if (e instanceof ConcurrencyException c) p = concurrent(c);
        else throw e;
        return ResponseEntity.status(p.getStatus()).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String field = null;
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof DatabindException d && !d.getPath().isEmpty()) {
                field = d.getPath().stream().map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
                break;
            }
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid input",
                field == null ? "the request body is not valid JSON for this act" : "'" + field + "' has a value of the wrong type or form",
                "invalid-input");
        if (field != null) {
            p.setProperty("field", field);
        }
        return ResponseEntity.badRequest().contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        p.setType(URI.create(TYPES + type));
        return p;
    }
}
