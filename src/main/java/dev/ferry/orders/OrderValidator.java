package dev.ferry.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks an order against schemas/order.schema.json and the money and quantity rules of {@link Amounts}, and
 * reports every violation, not just the first: the first {@value Violations#LISTED} in pointer order, and how many
 * there are in all.
 */
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

    /** The violations of the order: the first {@value Violations#LISTED} in pointer order, and the count of all. */
    public Violations check(JsonNode order) {
        // The library has no limit but the first violation (fail-fast), and the count of all is wanted; what it
        // does cheaply is find them. Wording a message is most of the cost, so only the listed ones are worded.
        Set<ValidationMessage> found = schema.validate(order);
        List<Violation> amounts = Amounts.violations(order);
        List<Unworded> unworded = new ArrayList<>(found.size());
        found.forEach(message -> unworded.add(new Unworded(pointer(message), message)));
        unworded.sort(Comparator.comparing(Unworded::pointer));
        List<Violation> first = new ArrayList<>(amounts);
        for (int i = 0; i < unworded.size(); i++) {
            // the last listed place may hold several: word them all, so the order by message decides which
            if (i >= Violations.LISTED && !unworded.get(i).pointer().equals(unworded.get(i - 1).pointer())) {
                break;
            }
            first.add(new Violation(unworded.get(i).pointer(), unworded.get(i).message().getError()));
        }
        List<Violation> listed = first.stream().sorted(Violations.ORDER).limit(Violations.LISTED).toList();
        return new Violations(listed, found.size() + amounts.size());
    }

    /** The first {@value Violations#LISTED} violations of the order, in pointer order. */
    public List<Violation> violations(JsonNode order) {
        return check(order).listed();
    }

    private record Unworded(String pointer, ValidationMessage message) {
    }

    private static String pointer(ValidationMessage message) {
        String pointer = message.getInstanceLocation().toString();
        // a missing or unknown property is reported at its parent; point at the property itself
        if (PROPERTY_ERRORS.contains(message.getType()) && message.getProperty() != null) {
            pointer = pointer + "/" + message.getProperty();
        }
        return pointer;
    }
}
