package org.goldenthread.infra.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.goldenthread.kernel.InvalidInput;
import org.goldenthread.kernel.UnknownReference;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletionException;

/** What controllers share: send a command and wait, ask a query, mint ids, parse enums naming the field. */
@Component
public class Acts {

    private final CommandGateway commands;
    private final QueryGateway queries;

    public Acts(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    public <R> R send(Object command) {
        return commands.sendAndWait(command);
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
        try {
            return queries.query(query, ResponseTypes.instanceOf(type)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    public <R> List<R> askMany(Object query, Class<R> type) {
        return queries.query(query, ResponseTypes.multipleInstancesOf(type)).join();
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
            throw new InvalidInput(field, field + " must be one of " + List.of(type.getEnumConstants()) + ", not '" + value + "'");
        }
    }

    public static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInput("body", "a JSON body is required");
        }
        return body;
    }
}
