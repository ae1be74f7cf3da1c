package com.switchboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document as a client generator needs it: a title and version, the bearer scheme (so
 * Swagger UI's Authorize takes a token), operationIds named from the method and the path
 * ({@code POST …/devices} is {@code addDevice}, not {@code add_3}, and stays so when a Java method is
 * renamed), the status each operation answers (201 for a creation, 202 for a job or a NOTIFY, 204 for
 * a removal) and the RFC 9457 problems it may give. The rules follow the conventions of API.md.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

    static final String BEARER = "bearer";
    static final String BASIC = "basic";
    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CUSTOMER_SCOPE = "/api/v1/customers/{customerId}/";

    @Bean
    OpenAPI switchboardOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Switchboard API").version("1")
                        .description("The administrator portal's REST API: customers, sites, devices, users, numbers, "
                                + "imports. Authenticate with a token minted by POST /api/v1/tokens (HTTP Basic with an "
                                + "admin's email and password), then send it as Authorization: Bearer <token>. Errors "
                                + "are RFC 9457 problem details with a stable code."))
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("sbt_…").description("An API token (POST /api/v1/tokens)"))
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("An admin's email and password: only to mint a token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer switchboardOperations() {
        return openApi -> {
            // Here rather than on the bean: springdoc drops schemas no operation refers to before customizers run.
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.setOperationId(operationId(method, path));
                status(method, path, operation);
                problems(method, path, operation);
                if (method == PathItem.HttpMethod.POST && path.equals("/api/v1/tokens")) {
                    operation.setSecurity(List.of(new SecurityRequirement().addList(BASIC)));
                }
            }));
        };
    }

    /**
     * {@code GET …/devices} listDevices, {@code POST …/devices} addDevice, {@code GET …/devices/{id}} getDevice,
     * {@code PATCH} updateDevice, {@code DELETE} deleteDevice, {@code PUT …/devices/{id}/assignment} assignDevice,
     * {@code POST …/devices/{id}/restart} restartDevice, {@code GET …/devices.csv} downloadDevicesCsv.
     */
    static String operationId(PathItem.HttpMethod method, String path) {
        String rest = path.startsWith(CUSTOMER_SCOPE) ? path.substring(CUSTOMER_SCOPE.length())
                : path.replaceFirst("^/api/v1/", "");
        String[] segments = rest.split("/");
        String last = segments[segments.length - 1];
        boolean item = isVariable(last);
        boolean underItem = segments.length > 1 && isVariable(segments[segments.length - 2]);
        StringBuilder noun = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (isVariable(segment) || (i == segments.length - 1 && !item)) {
                continue;
            }
            boolean followedByVariable = i + 1 < segments.length && isVariable(segments[i + 1]);
            noun.append(camel(followedByVariable ? singular(segment) : segment));
        }
        if (item) {
            return verb(method, "get", "update", "replace", "delete") + noun;
        }
        if (last.endsWith(".csv")) {
            return "download" + noun + camel(last.substring(0, last.length() - 4)) + "Csv";
        }
        if (last.equals("assignment")) {
            return verb(method, "get", "update", "assign", "unassign") + noun;
        }
        boolean plural = last.endsWith("s");
        return switch (method) {
            case GET -> (plural ? "list" : "get") + noun + camel(last);
            case POST -> plural ? "add" + noun + camel(singular(last))
                    : underItem && noun.length() > 0 ? last + noun : "create" + noun + camel(last);
            default -> method.name().toLowerCase(Locale.ROOT) + noun + camel(last);
        };
    }

    /** The success status: 201 for a creation, 202 for an import job or a NOTIFY, 204 for a removal. */
    private static void status(PathItem.HttpMethod method, String path, Operation operation) {
        String id = operation.getOperationId();
        String code = null;
        if (method == PathItem.HttpMethod.POST && (id.endsWith("Import") || id.startsWith("restart") || id.startsWith("resync"))) {
            code = "202";
        } else if (method == PathItem.HttpMethod.POST && id.startsWith("add")) {
            code = "201";
        } else if (method == PathItem.HttpMethod.DELETE && !path.endsWith("/assignment")) {
            code = "204";
        }
        ApiResponses responses = operation.getResponses();
        if (code == null || responses == null || responses.containsKey(code)) {
            return;
        }
        ApiResponse ok = responses.remove("200");
        ApiResponse answer = ok == null ? new ApiResponse() : ok;
        answer.setDescription(switch (code) {
            case "201" -> "Created; Location gives its address";
            case "202" -> "Accepted";
            default -> "Done";
        });
        if (code.equals("204")) {
            answer.setContent(null);
        }
        responses.addApiResponse(code, answer);
    }

    /** The problems an operation may answer, each an RFC 9457 problem with its stable code. */
    private static void problems(PathItem.HttpMethod method, String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<String[]> problems = new ArrayList<>();
        problems.add(new String[]{"400", "Malformed request: bad JSON, a wrong type, a missing field or parameter"});
        problems.add(new String[]{"401", "No valid credentials"});
        problems.add(new String[]{"403", "The caller's role may not do this"});
        if (path.contains("{")) {
            problems.add(new String[]{"404", "Not found, or of another customer"});
        }
        if (method != PathItem.HttpMethod.GET) {
            problems.add(new String[]{"409", "Conflicts with existing data"});
            problems.add(new String[]{"422", "A value the rules refuse"});
        }
        if (path.equals("/api/v1/tokens") && method == PathItem.HttpMethod.POST) {
            problems.add(new String[]{"429", "Too many attempts: see Retry-After"});
        }
        for (String[] problem : problems) {
            if (!responses.containsKey(problem[0])) {
                responses.addApiResponse(problem[0], new ApiResponse().description(problem[1])
                        .content(new Content().addMediaType(PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        }
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("code", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; code is stable, title, detail and message follow Accept-Language")
                .properties(new java.util.LinkedHashMap<>(Map.of(
                        "type", new StringSchema(), "title", new StringSchema(), "status", new IntegerSchema(),
                        "detail", new StringSchema(), "code", new StringSchema().example("device.mac.duplicate"),
                        "errors", new ArraySchema().items(error))))
                .required(List.of("type", "title", "status", "code"));
    }

    private static String verb(PathItem.HttpMethod method, String get, String patch, String put, String delete) {
        return switch (method) {
            case GET -> get;
            case PATCH -> patch;
            case PUT -> put;
            case DELETE -> delete;
            default -> method.name().toLowerCase(Locale.ROOT);
        };
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{");
    }

    private static String singular(String segment) {
        return segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
    }

    /** device-models → DeviceModels. */
    private static String camel(String segment) {
        StringBuilder out = new StringBuilder();
        for (String word : segment.split("[-_.]")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }
}
