package dev.ferry.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Per operation of {@link ApiOperations}: its id, tag, roles and security, its success answers as JSON, and every
 * problem answer with the types it can be and an example of each. What springdoc guessed about errors is dropped.
 */
final class OperationAnswers implements OpenApiCustomizer {

    private static final String PROBLEM_JSON = "application/problem+json";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(ApiSchemas.PROBLEM, ApiSchemas.problemDetail());
        for (ApiOperations.Op op : ApiOperations.ALL) {
            describe(op, find(api, op));
        }
    }

    private static Operation find(OpenAPI api, ApiOperations.Op op) {
        PathItem path = api.getPaths() == null ? null : api.getPaths().get(op.path());
        Operation operation = path == null ? null : path.readOperationsMap().get(PathItem.HttpMethod.valueOf(op.method()));
        if (operation == null) {
            throw new IllegalStateException("ApiOperations names " + op.method() + " " + op.path()
                    + ", which the controllers do not have");
        }
        return operation;
    }

    private static void describe(ApiOperations.Op op, Operation operation) {
        operation.operationId(op.id()).tags(List.of(op.tag()));
        String who = "**Roles**: " + (op.roles().size() == 1 ? op.roles().get(0) : "any of " + String.join(", ", op.roles()))
                + (op.sessions() ? ", with an API key or a signed-in person's session." : ", with an API key only.");
        operation.description(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
        List<SecurityRequirement> security = new ArrayList<>();
        security.add(new SecurityRequirement().addList(ApiDocsConfiguration.API_KEY));
        if (op.sessions()) {
            security.add(new SecurityRequirement().addList(ApiDocsConfiguration.SESSION));
        }
        operation.security(security);
        jsonRequestBody(operation);
        ApiResponses answers = new ApiResponses();
        Content success = successContent(operation.getResponses());
        new TreeMap<>(op.success()).forEach((status, description) -> {
            ApiResponse existing = operation.getResponses().get(String.valueOf(status));
            answers.addApiResponse(String.valueOf(status), new ApiResponse().description(description)
                    .content(existing != null && existing.getContent() != null ? json(existing.getContent()) : success));
        });
        if (op.path().equals("/api/orders") && op.method().equals("POST")) {
            answers.values().forEach(answer -> answer.addHeaderObject("Location", new Header()
                    .description("/api/orders/<orderId>").schema(ApiSchemas.typed("string"))));
        }
        answers.forEach((status, answer) -> {
            JsonNode example = Examples.answer(op.method(), op.path(), Integer.parseInt(status));
            if (example != null) {
                answer.getContent().get("application/json").example(example);
            }
        });
        problems(op, answers);
        operation.responses(answers);
    }

    private static void problems(ApiOperations.Op op, ApiResponses answers) {
        Map<Integer, List<ApiOperations.Problem>> byStatus = new TreeMap<>();
        ApiOperations.problems(op).forEach(p -> byStatus.computeIfAbsent(p.status(), s -> new ArrayList<>()).add(p));
        String instance = Examples.instance(op.path());
        byStatus.forEach((status, problems) -> {
            MediaType media = new MediaType().schema(ApiSchemas.problemOf(problems.stream()
                    .map(ApiOperations.Problem::type).distinct().toList()));
            Map<String, Example> examples = new LinkedHashMap<>();
            problems.forEach(p -> examples.putIfAbsent(p.type(),
                    new Example().value(Examples.problem(p.type(), status, instance))));
            media.setExamples(examples);
            StringBuilder description = new StringBuilder();
            problems.forEach(p -> description.append(description.isEmpty() ? "" : "; ")
                    .append('`').append(p.type()).append("`: ").append(p.when()));
            ApiResponse answer = new ApiResponse().description(description.toString())
                    .content(new Content().addMediaType(PROBLEM_JSON, media));
            if (status == 503) {
                answer.addHeaderObject("Retry-After", new Header().description("seconds to wait before sending again")
                        .schema(ApiSchemas.typed("integer")));
            }
            answers.addApiResponse(String.valueOf(status), answer);
        });
    }

    // springdoc writes */* where a controller does not say what it produces; Ferry's API answers JSON
    private static Content successContent(ApiResponses responses) {
        if (responses == null) {
            return null;
        }
        return responses.entrySet().stream().filter(e -> e.getKey().startsWith("2") && e.getValue().getContent() != null)
                .map(e -> json(e.getValue().getContent())).findFirst().orElse(null);
    }

    private static Content json(Content content) {
        Content json = new Content();
        content.forEach((type, media) -> json.addMediaType(type.equals("*/*") ? "application/json" : type, media));
        return json;
    }

    private static void jsonRequestBody(Operation operation) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().content(json(operation.getRequestBody().getContent()));
        }
    }
}
