package dev.ferry.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The schema "Order" is schemas/order.schema.json, the file intake validates with: one source. Its keywords that
 * are not JSON Schema's ($schema and $id belong to the file, errorMessage to Ferry's messages) are left out.
 */
final class OrderSchema implements OpenApiCustomizer {

    static final String NAME = "Order";
    private static final String FILE = "schemas/order.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void customise(OpenAPI api) {
        ObjectNode schema = read(FILE);
        schema.remove("$schema");
        schema.remove("$id");
        api.getComponents().addSchemas(NAME, Json31.mapper().convertValue(withoutErrorMessages(schema), Schema.class));
        body(api.getPaths().get("/api/orders").getPost(), "The order (the schema intake validates with).");
        body(api.getPaths().get("/api/exceptions/{id}/payload").getPut(),
                "The corrected order, read and checked like a posted one; source and externalId stay as they were.");
    }

    private static void body(Operation operation, String description) {
        operation.requestBody(new RequestBody().required(true).description(description)
                .content(new Content().addMediaType("application/json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + NAME))
                        .example(Examples.DEMO_ORDER))));
    }

    static JsonNode withoutErrorMessages(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("errorMessage");
        }
        node.forEach(OrderSchema::withoutErrorMessages);
        return node;
    }

    private static ObjectNode read(String resource) {
        try (InputStream in = OrderSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
