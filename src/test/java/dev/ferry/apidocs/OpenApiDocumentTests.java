package dev.ferry.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml, the committed description of the API, is valid OpenAPI 3.1 (swagger-parser's validation), and
 * its order schema is the one intake validates with.
 */
class OpenApiDocumentTests {

    private static final Path DESCRIPTION = Path.of("docs", "openapi.yaml");

    @Test
    void theCommittedDescriptionIsValidOpenApi31WithoutAMessage() {
        SwaggerParseResult result = parse(DESCRIPTION.toAbsolutePath().toUri().toString());

        assertThat(result.getMessages()).as("swagger-parser's messages on docs/openapi.yaml").isEmpty();
        OpenAPI api = result.getOpenAPI();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getPaths()).containsKeys("/api/orders", "/api/orders/{orderId}", "/api/exceptions/{id}",
                "/api/bots/{name}/runs", "/api/schedules/{name}/run");
        assertThat(api.getComponents().getSchemas()).containsKeys("Order", "ProblemDetail", "InboxOrder");
    }

    @Test
    void theOrderSchemaIsTheFileIntakeValidatesWith() throws Exception {
        JsonNode described = new ObjectMapper(new YAMLFactory()).readTree(DESCRIPTION.toFile())
                .at("/components/schemas/Order");
        ObjectNode file = (ObjectNode) new ObjectMapper().readTree(Path.of("src", "main", "resources", "schemas",
                "order.schema.json").toFile());
        file.remove("$schema");
        file.remove("$id");

        assertThat(sortedRequired(described)).isEqualTo(sortedRequired(OrderSchema.withoutErrorMessages(file)));
        assertThat(described.toString()).doesNotContain("errorMessage");
    }

    @Test
    void aBrokenDescriptionHasMessages() {
        // the check above can fail: a reference to a schema that is not there is reported
        SwaggerParseResult result = new OpenAPIParser().readContents("""
                openapi: 3.1.0
                info: {title: t, version: "1"}
                paths:
                  /x:
                    get:
                      responses:
                        "200":
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: "#/components/schemas/Missing"}
                """, null, options());

        assertThat(result.getMessages()).isNotEmpty();
    }

    // the writer sorts `required`; the order of a set of names means nothing
    private static JsonNode sortedRequired(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        copy.findParents("required").forEach(parent -> {
            if (parent.get("required").isArray()) {
                List<String> names = new ArrayList<>();
                parent.get("required").forEach(name -> names.add(name.asText()));
                Collections.sort(names);
                ArrayNode sorted = ((ObjectNode) parent).putArray("required");
                names.forEach(sorted::add);
            }
        });
        return copy;
    }

    private static SwaggerParseResult parse(String location) {
        return new OpenAPIParser().readLocation(location, null, options());
    }

    private static ParseOptions options() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        return options;
    }
}
