package dev.ferry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks requests and answers against the API's OpenAPI description with the networknt JSON Schema validator (draft
 * 2020-12, OpenAPI 3.1's dialect), and counts which documented answers were seen: an answer is the operation, the
 * status and, for problem+json, the problem's type. The check is stricter than the description in one way: an object
 * schema that names its properties allows no others (ProblemDetail aside), so a field renamed on either side fails.
 */
final class Contract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEMS = "https://ferry.dev/problems/";

    private final ObjectNode description;
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final Set<String> seen = new TreeSet<>();

    Contract(JsonNode description) {
        this.description = (ObjectNode) description.deepCopy();
        this.description.path("components").path("schemas").properties().forEach(schema -> {
            if (!schema.getKey().equals("ProblemDetail")) {
                closeObjects(schema.getValue());
            }
        });
    }

    /** Every answer the description documents, as "METHOD path status [type]". */
    Set<String> documented() {
        Set<String> answers = new TreeSet<>();
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
            op.getValue().path("responses").properties().forEach(answer -> {
                JsonNode types = answer.getValue().path("content").path(PROBLEM_JSON).path("schema").path("allOf")
                        .path(1).path("properties").path("type").path("enum");
                if (types.isEmpty()) {
                    answers.add(operation + " " + answer.getKey());
                } else {
                    types.forEach(type -> answers.add(operation + " " + answer.getKey() + " "
                            + type.asText().substring(PROBLEMS.length())));
                }
            });
        }));
        return answers;
    }

    /** Every example of a request or answer in the description, as a pointer to its media type. */
    Set<String> examples() {
        Set<String> examples = new TreeSet<>();
        description.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String base = "/paths/" + escape(path.getKey()) + "/" + op.getKey();
            op.getValue().path("requestBody").path("content").properties().forEach(media ->
                    examples.add(base + "/requestBody/content/" + escape(media.getKey())));
            op.getValue().path("responses").properties().forEach(answer -> answer.getValue().path("content")
                    .properties().forEach(media -> examples.add(base + "/responses/" + answer.getKey() + "/content/"
                            + escape(media.getKey()))));
        }));
        examples.removeIf(pointer -> !description.at(pointer).has("example") && !description.at(pointer).has("examples"));
        return examples;
    }

    /** The example (or each of the examples) of a media type must match its schema. */
    void checkExamples(String mediaPointer) {
        JsonNode media = description.at(mediaPointer);
        if (media.has("example")) {
            validate(mediaPointer + "/schema", media.get("example"), mediaPointer + " example");
        }
        media.path("examples").properties().forEach(example -> validate(mediaPointer + "/schema",
                example.getValue().path("value"), mediaPointer + " example " + example.getKey()));
    }

    /** The answers checked so far. */
    Set<String> seen() {
        return new TreeSet<>(seen);
    }

    /** The answer must be documented for the operation, with its content type, and its body must match the schema. */
    HttpResponse<String> check(String method, String path, HttpResponse<String> response) {
        String status = String.valueOf(response.statusCode());
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status;
        JsonNode answer = description.at(pointer);
        if (answer.isMissingNode()) {
            throw new AssertionError(method + " " + path + " answered " + status + ", which the description does not "
                    + "document: " + response.body());
        }
        String key = method + " " + path + " " + status;
        if (answer.path("content").isEmpty()) {
            seen.add(key);
            return response;
        }
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim();
        if (!answer.path("content").has(type)) {
            throw new AssertionError(method + " " + path + " " + status + " answered " + type + "; documented: "
                    + answer.path("content").propertyStream().map(e -> e.getKey()).toList());
        }
        if (type.endsWith("json")) {
            JsonNode body = read(response.body());
            validate(pointer + "/content/" + escape(type) + "/schema", body, key);
            if (type.equals(PROBLEM_JSON)) {
                key += " " + body.path("type").asText().replace(PROBLEMS, "");
            }
        }
        seen.add(key);
        return response;
    }

    /** A request body must match the operation's request schema. */
    void checkRequest(String method, String path, String body) {
        String pointer = "/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT)
                + "/requestBody/content/application~1json/schema";
        if (description.at(pointer).isMissingNode()) {
            throw new AssertionError(method + " " + path + " documents no JSON request body");
        }
        validate(pointer, read(body), method + " " + path + " request");
    }

    /** The messages of a body validated against the schema at the pointer; empty when it matches. */
    Set<ValidationMessage> messages(String pointer, JsonNode body) {
        ObjectNode root = description.deepCopy();
        // the description is the schema document: its $refs (#/components/schemas/...) resolve inside it
        root.put("$ref", "#" + pointer);
        JsonSchema schema = schemas.getSchema(root, SchemaValidatorsConfig.builder().build());
        return schema.validate(body);
    }

    private void validate(String pointer, JsonNode body, String what) {
        Set<ValidationMessage> messages = messages(pointer, body);
        if (!messages.isEmpty()) {
            throw new AssertionError(what + " does not match the description: "
                    + messages.stream().map(ValidationMessage::toString).collect(Collectors.joining("; ")) + "\n" + body);
        }
    }

    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        schema.forEach(Contract::closeObjects);
    }

    static String escape(String pointerPart) {
        return pointerPart.replace("~", "~0").replace("/", "~1");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
