package dev.ferry.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.OrderFieldNames;
import dev.ferry.orders.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The order fields reviewers correct in the inbox page's form. Each input is named by its JSON
 * pointer, the same pointer the validator reports, so every violation lands next to its own field.
 */
final class EditableFields {

    private static final Map<String, String> SHIP_TO = labels("/shipTo/", "name", "Recipient name", "street", "Street",
            "postalCode", "Postal code", "city", "City", "country", "Country code");
    private static final Map<String, String> CUSTOMER = labels("/customer/", "id", "Customer id", "name",
            "Customer name", "email", "Customer email");

    record Field(String pointer, String label, String value, String error) {

        /** An HTML id made of the pointer: "/shipTo/postalCode" is "field-shipTo-postalCode". */
        public String id() {
            return "field" + pointer.replace('/', '-');
        }
    }

    record Line(int number, Field sku, Field quantity, String unitPrice) {
    }

    /** What the page's form shows: values (as submitted, after a refusal), and errors by field or for the whole order. */
    record Form(List<Field> shipTo, List<Field> customer, List<Line> lines, List<String> otherErrors) {

        public boolean hasErrors() {
            return !otherErrors.isEmpty() || fields().anyMatch(f -> f.error() != null);
        }

        private Stream<Field> fields() {
            return Stream.of(shipTo.stream(), customer.stream(), lines.stream().flatMap(l -> Stream.of(l.sku(), l.quantity())))
                    .flatMap(s -> s);
        }
    }

    private EditableFields() {
    }

    static Form form(JsonNode payload, Map<String, String> submitted, List<Violation> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.forEach(v -> errors.merge(v.pointer(), ViolationWords.of(v.message()), (a, b) -> a + " " + b));
        List<Field> shipTo = fields(SHIP_TO, payload, submitted, errors);
        List<Field> customer = fields(CUSTOMER, payload, submitted, errors);
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < payload.path("lines").size(); i++) {
            String at = "/lines/" + i + "/";
            lines.add(new Line(i + 1, field(at + "sku", "SKU, line " + (i + 1), payload, submitted, errors),
                    field(at + "quantity", "Quantity, line " + (i + 1), payload, submitted, errors),
                    payload.at(at + "unitPrice").asText("")));
        }
        // what has no field of its own (currency, a missing line ...) is listed above the form
        List<String> other = errors.entrySet().stream()
                .map(e -> OrderFieldNames.of(e.getKey()) + ": " + e.getValue())
                .toList();
        return new Form(shipTo, customer, lines, other);
    }

    /** A copy of the payload with the submitted fields set; an emptied field is removed, so "required" names it. */
    static ObjectNode apply(ObjectNode payload, Map<String, String> submitted) {
        ObjectNode corrected = payload.deepCopy();
        List<String> pointers = new ArrayList<>(SHIP_TO.keySet());
        pointers.addAll(CUSTOMER.keySet());
        for (int i = 0; i < payload.path("lines").size(); i++) {
            pointers.add("/lines/" + i + "/sku");
            pointers.add("/lines/" + i + "/quantity");
        }
        for (String pointer : pointers) {
            if (submitted.containsKey(pointer)) {
                set(corrected, pointer, submitted.get(pointer).trim());
            }
        }
        return corrected;
    }

    private static void set(ObjectNode order, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        String parentPointer = pointer.substring(0, slash);
        JsonNode parentNode = order.at(parentPointer);
        ObjectNode parent;
        if (parentNode.isObject()) {
            parent = (ObjectNode) parentNode;
        } else if (parentPointer.lastIndexOf('/') == 0) {
            parent = order.putObject(parentPointer.substring(1));
        } else {
            return; // a line that is not even an object: only the JSON editor can mend that
        }
        String name = pointer.substring(slash + 1);
        if (value.isEmpty()) {
            parent.remove(name);
        } else if (name.equals("quantity") && value.matches("-?\\d{1,9}")) {
            parent.put(name, Integer.parseInt(value));
        } else {
            // anything else that is not a whole number stays text, and the validator says so next to the field
            parent.put(name, value);
        }
    }

    private static List<Field> fields(Map<String, String> labels, JsonNode payload, Map<String, String> submitted,
            Map<String, String> errors) {
        return labels.entrySet().stream()
                .map(e -> field(e.getKey(), e.getValue(), payload, submitted, errors))
                .toList();
    }

    private static Field field(String pointer, String label, JsonNode payload, Map<String, String> submitted,
            Map<String, String> errors) {
        String value = submitted.containsKey(pointer) ? submitted.get(pointer) : payload.at(pointer).asText("");
        // taken out of the map, so what is left over has no field of its own
        return new Field(pointer, label, value, errors.remove(pointer));
    }

    private static Map<String, String> labels(String parent, String... namesAndLabels) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndLabels.length; i += 2) {
            labels.put(parent + namesAndLabels[i], namesAndLabels[i + 1]);
        }
        return labels;
    }
}
