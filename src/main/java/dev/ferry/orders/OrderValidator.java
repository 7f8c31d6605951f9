package dev.ferry.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Checks an order against schemas/order.schema.json and reports every violation, not just the first. */
@Component
public class OrderValidator {

    private static final Set<String> PROPERTY_ERRORS = Set.of("required", "additionalProperties");

    private final JsonSchema schema;

    OrderValidator() {
        var config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                // the schema says in plain words what a pattern or an enum of 150 codes means
                .errorMessageKeyword("errorMessage")
                .build();
        this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of("classpath:schemas/order.schema.json"), config);
    }

    public List<Violation> violations(JsonNode order) {
        return schema.validate(order).stream()
                .map(OrderValidator::violation)
                .sorted(Comparator.comparing(Violation::pointer).thenComparing(Violation::message))
                .toList();
    }

    private static Violation violation(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        // a missing or unknown property is reported at its parent; point at the property itself
        if (PROPERTY_ERRORS.contains(message.getType()) && message.getProperty() != null) {
            pointer = pointer + "/" + message.getProperty();
        }
        return new Violation(pointer, message.getError());
    }
}
