package org.goldenthread.infra.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published OpenAPI document ({@code /v3/api-docs}) says what the service does:
 * <ul>
 *   <li>schema names are unique: a nested record is named with its enclosing type ({@code BallotController.OpenRequest}
 *       is {@code BallotOpenRequest}, {@code ProgressView.Step} is {@code ProgressViewStep}), so two records that share
 *       a simple name never share a schema;</li>
 *   <li>every operation lists the refusals it can answer, as {@code application/problem+json} ({@code Problem});</li>
 *   <li>read-your-writes and safe retries are documented where they apply: {@code Event-Position} on every write's
 *       answer, {@code Min-Event-Position} / {@code minPosition} on every read, {@code Idempotency-Key} on every
 * POST.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";

    /** Our records get names qualified by their enclosing type; every other type is left to the usual converters. */
    @Bean
    ModelConverter uniqueSchemaNames(ObjectMapperProvider mappers) {
        TypeNameResolver names = new TypeNameResolver() {
            @Override
            protected String getNameOfClass(Class<?> type) {
                if (ours(type) && type.getEnclosingClass() != null) {
                    String outer = type.getEnclosingClass().getSimpleName().replaceFirst("Controller$", "");
                    return outer + type.getSimpleName();
                }
                return super.getNameOfClass(type);
            }
        };
        ModelResolver resolver = new ModelResolver(mappers.jsonMapper(), names) {
            @Override
            public Schema resolve(
                    AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
                JavaType type = _mapper.constructType(annotated.getType());
                if (type != null && ours(type.getRawClass())) {
                    Schema<?> resolved = super.resolve(annotated, context, chain);
                    if (type.getRawClass().isRecord()) {
                        markNullable(
                                type.getRawClass(), context.getDefinedModels().get(names.nameForType(type)), context);
                    }
                    return resolved;
                }
                return chain.hasNext() ? chain.next().resolve(annotated, context, chain) : null;
            }
        };
        return resolver.openapi31(mappers.isOpenapi31());
    }

    /**
     * A record's reference-typed components may be null in an answer (a theme not merged has no {@code mergedInto}),
     * so their properties say {@code nullable}; for a nested object of ours (a {@code $ref}), its schema says so.
     * Primitive components and those marked required never are.
     */
    static void markNullable(Class<?> record, Schema<?> model, ModelConverterContext context) {
        if (model == null || model.getProperties() == null) {
            return;
        }
        for (RecordComponent component : record.getRecordComponents()) {
            Schema<?> property = model.getProperties().get(component.getName());
            io.swagger.v3.oas.annotations.media.Schema declared =
                    component.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
            boolean required = declared != null
                    && declared.requiredMode() == io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;
            if (property == null || component.getType().isPrimitive() || required) {
                continue;
            }
            if (property.get$ref() != null) {
                Schema<?> referenced = context.getDefinedModels()
                        .get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
                if (referenced != null) {
                    referenced.setNullable(true);
                }
            } else {
                property.setNullable(true);
            }
        }
    }

    private static boolean ours(Class<?> type) {
        return type != null && type.getName().startsWith("org.goldenthread.") && !type.isEnum();
    }

    @Bean
    OpenApiCustomizer problemsPositionsAndKeys() {
        return openApi -> {
            openApi.info(new Info()
                    .title("Golden Thread")
                    .version("0.1.0")
                    .description("Working Together for Change: every act recorded, the golden thread "
                            + "from people's words to actions. "
                            + "Writes answer Event-Position; a read with Min-Event-Position "
                            + "(or ?minPosition=) waits until its "
                            + "view has processed it (503 with Retry-After after a bounded "
                            + "wait). POSTs take an Idempotency-Key."));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            components.addSchemas(PROBLEM, problemSchema());
            components.addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
            components.addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT"));
            openApi.addSecurityItem(new SecurityRequirement().addList("basic"));
            openApi.addSecurityItem(new SecurityRequirement().addList("bearer"));
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                Map<PathItem.HttpMethod, Operation> operations = item.readOperationsMap();
                operations.forEach((method, operation) -> document(method, operation));
            });
        };
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean write = method != PathItem.HttpMethod.GET;
        if (write) {
            Header position = new Header()
                    .description("The position of the last event of the programme this act changed: "
                            + "send it as Min-Event-Position to read this write")
                    .schema(new IntegerSchema().format("int64"));
            responses.forEach((code, response) -> {
                if (code.startsWith("2")) {
                    response.addHeaderObject(Acts.POSITION, position);
                    response.addHeaderObject(
                            IdempotencyFilter.REPLAYED,
                            new Header()
                                    .description("true when this is the kept answer of an earlier request with "
                                            + "the same Idempotency-Key")
                                    .schema(new StringSchema()));
                }
            });
        } else {
            operation.addParametersItem(new HeaderParameter()
                    .name(Acts.MIN_POSITION)
                    .required(false)
                    .description("Answer only once this view has processed the event position a write answered "
                            + "(Event-Position)")
                    .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
            operation.addParametersItem(new QueryParameter()
                    .name(Acts.MIN_POSITION_PARAM)
                    .required(false)
                    .description("The same as the Min-Event-Position header")
                    .schema(new IntegerSchema().format("int64").minimum(java.math.BigDecimal.ZERO)));
        }
        if (method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(new HeaderParameter()
                    .name(IdempotencyFilter.HEADER)
                    .required(false)
                    .description("Makes a retry safe: a repeat with the same key answers the first result and "
                            + "does nothing again")
                    .schema(new StringSchema().minLength(1).maxLength(255)));
        }
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("400", "Invalid input: names the field (CSV imports list every bad line in errors)");
        refusals.put("401", "Not signed in");
        refusals.put(
                "403",
                "Your role (in this programme) may not do this: names the roles that may (rolesAllowed); "
                        + "a write from another site");
        refusals.put(
                "404",
                "An id names nothing known; or a programme you are not a member of (answered exactly as "
                        + "one that does not exist)");
        refusals.put("429", "Too many failed sign-ins for this user or from this address; see Retry-After");
        refusals.put("406", "The request accepts no form the service answers in");
        refusals.put("413", "Over a request limit: names the limit");
        refusals.put(
                "503",
                "A store is unavailable, the programme is busy, or the view has not reached "
                        + "Min-Event-Position; see Retry-After");
        if (write) {
            refusals.put("409", "An act the method does not allow now: names the rule");
            refusals.put("415", "The body is not of a type this act takes");
            refusals.put("422", "The Idempotency-Key was used for a different request");
        }
        refusals.put("500", "An unforeseen failure");
        refusals.forEach((code, description) -> {
            if (!responses.containsKey(code)) {
                responses.addApiResponse(
                        code,
                        new ApiResponse()
                                .description(description)
                                .content(new Content()
                                        .addMediaType(
                                                PROBLEM_JSON,
                                                new MediaType()
                                                        .schema(new Schema<>()
                                                                .$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
    }

    private static Schema<?> problemSchema() {
        Schema<?> line = new ObjectSchema()
                .addProperty("line", new IntegerSchema())
                .addProperty("field", new StringSchema())
                .addProperty("rule", new StringSchema())
                .addProperty("reason", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; the extra members say what was refused")
                .addProperty(
                        "type", new StringSchema().description("https://goldenthread.example/problems/<rule or kind>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("the field, parameter or header at fault"))
                .addProperty("rule", new StringSchema().description("the rule of the method (409)"))
                .addProperty("kind", new StringSchema().description("what the unknown id was meant to name (404)"))
                .addProperty("id", new StringSchema().description("the unknown id (404)"))
                .addProperty("limit", new StringSchema().description("the request limit exceeded (413, 400)"))
                .addProperty("max", new IntegerSchema().format("int64"))
                .addProperty("errors", new ArraySchema().items(line).description("every bad line of a CSV import"))
                .addProperty(
                        "readModel", new StringSchema().description("the view that has not reached the position (503)"))
                .addProperty("position", new IntegerSchema().format("int64"))
                .addProperty("path", new StringSchema())
                .addProperty(
                        "rolesAllowed",
                        new ArraySchema()
                                .items(new StringSchema())
                                .description("who may do it (403): member:<role in the programme> or global:<role>"))
                .addProperty("yourRole", new StringSchema().description("the role you have there (403)"))
                .addProperty(
                        "roles",
                        new ArraySchema().items(new StringSchema()).description("the roles this service knows (403)"))
                .addProperty(
                        "organisation", new StringSchema().description("the organisation a membership is for (403)"))
                .addProperty("contentType", new StringSchema().description("the refused content type (415)"))
                .addProperty(
                        "retryAfterSeconds", new IntegerSchema().format("int64").description("when to try again (429)"))
                .required(List.of("type", "title", "status", "detail"));
    }
}
