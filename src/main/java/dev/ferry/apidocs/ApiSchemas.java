package dev.ferry.apidocs;

import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;

/** The ProblemDetail schema (RFC 9457 with Ferry's extension members), and a problem answer limited to its types. */
final class ApiSchemas {

    static final String PROBLEM = "ProblemDetail";
    static final String PROBLEM_BASE = "https://ferry.dev/problems/";

    private ApiSchemas() {
    }

    static Schema<?> problemDetail() {
        Schema<?> violation = object().description("One violation: where (a JSON pointer) and what is wrong.")
                .addProperty("pointer", string()).addProperty("message", string());
        violation.required(List.of("pointer", "message"));
        Schema<?> problem = object()
                .description("RFC 9457 problem details. `type` names the problem (https://ferry.dev/problems/<name>); "
                        + "`detail` says what to do.")
                .addProperty("type", string().format("uri"))
                .addProperty("title", string())
                .addProperty("status", typed("integer"))
                .addProperty("detail", string())
                .addProperty("instance", string())
                .addProperty("errors", typed("array").items(violation)
                        .description("invalid-order, invalid-request, invalid-input: the violations (at most 100)"))
                .addProperty("errorCount", typed("integer").description("invalid-order: how many violations in all"))
                .addProperty("orderId", string().description("idempotency-key-reused: the order the key named"))
                .addProperty("claim", object().description("exception-claimed: who works on the item, since and "
                        + "until when"));
        problem.required(List.of("type", "title", "status"));
        return problem;
    }

    /** A ProblemDetail whose type is one of these: the description says which problems an answer can be. */
    static Schema<?> problemOf(List<String> types) {
        JsonSchema type = string();
        type.setEnum(types.stream().map(t -> (Object) (PROBLEM_BASE + t)).toList());
        return new JsonSchema().addAllOfItem(new JsonSchema().$ref("#/components/schemas/" + PROBLEM))
                .addAllOfItem(new JsonSchema().addProperty("type", type));
    }

    static JsonSchema typed(String type) {
        JsonSchema schema = new JsonSchema();
        schema.setTypes(Set.of(type));
        return schema;
    }

    private static JsonSchema string() {
        return typed("string");
    }

    private static JsonSchema object() {
        return typed("object");
    }
}
