package org.goldenthread.infra.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.goldenthread.infra.store.ReadYourWrites;
import org.goldenthread.infra.store.Refusals;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.Refusal;
import org.goldenthread.kernel.UnknownReference;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What controllers share: send a command and wait, ask a query, mint ids, parse enums naming the field — and
 * read-your-writes: a write answers the position of its last event ({@value #POSITION}), and a read given a
 * minimum position ({@value #MIN_POSITION} header or {@value #MIN_POSITION_PARAM} parameter) waits until the read
 * model answering its query has processed it (see {@link ReadYourWrites}).
 */
@Component
public class Acts {

    /** Response header of a write: the position of the last event of the programme it changed. */
    public static final String POSITION = "Event-Position";
    /** Request header of a read: answer only once the read model has processed this position. */
    public static final String MIN_POSITION = "Min-Event-Position";
    /** The same as a query parameter. */
    public static final String MIN_POSITION_PARAM = "minPosition";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ReadYourWrites positions;

    public Acts(CommandGateway commands, QueryGateway queries, ReadYourWrites positions) {
        this.commands = commands;
        this.queries = queries;
        this.positions = positions;
    }

    /**
     * Sends the command and waits; a refusal is thrown as a {@link RefusedAct} whichever bus carried it. Once done,
     * the response of the current request carries the position of the programme's last event ({@value #POSITION}).
     */
    public <R> R send(Object command) {
        R result;
        positions.beforeSend();
        try {
            result = commands.sendAndWait(command);
        } catch (CommandExecutionException e) {
            Refusal refusal = Refusals.of(e);
            if (refusal != null) {
                throw new RefusedAct(refusal);
            }
            throw e;
        }
        HttpServletResponse response = currentResponse();
        boolean changesAccess = command instanceof org.goldenthread.kernel.ChangesAccess;
        if (response != null || changesAccess) {
            positions.positionAfter(command).ifPresent(p -> {
                if (changesAccess) {
                    positions.accessChangedAt(p);
                }
                if (response != null) {
                    String earlier = response.getHeader(POSITION);
                    long at = earlier == null ? p : Math.max(p, Long.parseLong(earlier));
                    response.setHeader(POSITION, Long.toString(at));
                }
            });
        }
        return result;
    }

    /** Waits until the read model answering this query has processed the position the request asks for, if any. */
    private void readYourWrites(Object query) {
        requestedPosition()
                .ifPresent(position -> positions
                        .readModelOf(query.getClass())
                        .ifPresent(model -> positions.awaitProcessed(model, position)));
    }

    /** Waits until every read model has processed the position the request asks for, if any (for views across them). */
    public void awaitEveryReadModel() {
        requestedPosition()
                .ifPresent(
                        position -> positions.readModels().forEach(model -> positions.awaitProcessed(model, position)));
    }

    /** The minimum position the current request asks for ({@value #MIN_POSITION} or {@value #MIN_POSITION_PARAM}). */
    private java.util.OptionalLong requestedPosition() {
        HttpServletRequest request = currentRequest();
        if (request == null) {
            return java.util.OptionalLong.empty();
        }
        String value = request.getHeader(MIN_POSITION);
        String field = MIN_POSITION;
        if (value == null) {
            value = request.getParameter(MIN_POSITION_PARAM);
            field = MIN_POSITION_PARAM;
        }
        if (value == null || value.isBlank()) {
            return java.util.OptionalLong.empty();
        }
        long position;
        try {
            position = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, field + " must be an event position (a whole number), not '" + value + "'");
        }
        if (position < 0) {
            throw new InvalidInput(field, field + " must not be negative");
        }
        return java.util.OptionalLong.of(position);
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
    }

    private static HttpServletResponse currentResponse() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getResponse()
                : null;
    }

    /** The single answer to a query; 404 (naming {@code kind} and {@code id}) when there is none. */
    public <R> R find(Object query, Class<R> type, String kind, String id) {
        R result = ask(query, type);
        if (result == null) {
            throw new UnknownReference(kind, id);
        }
        return result;
    }

    public <R> R ask(Object query, Class<R> type) {
        readYourWrites(query);
        return unwrapped(
                () -> queries.query(query, ResponseTypes.instanceOf(type)).join());
    }

    public <R> List<R> askMany(Object query, Class<R> type) {
        readYourWrites(query);
        return unwrapped(() ->
                queries.query(query, ResponseTypes.multipleInstancesOf(type)).join());
    }

    /** A query's failure as it was raised (a refusal, a store failure), not wrapped by the future or the bus. */
    private static <R> R unwrapped(Supplier<R> answer) {
        try {
            return answer.get();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QueryExecutionException q && q.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, field + " is required (one of " + List.of(type.getEnumConstants()) + ")");
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(
                    field, field + " must be one of " + List.of(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    public static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInput("body", "a JSON body is required");
        }
        return body;
    }

    /** An optional ISO-8601 instant parameter (null when absent), refused naming {@code field} when malformed. */
    public static java.time.Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.Instant.parse(value.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput(
                    field, field + " must be an ISO-8601 instant such as 2025-03-01T10:00:00Z, not '" + value + "'");
        }
    }
}
