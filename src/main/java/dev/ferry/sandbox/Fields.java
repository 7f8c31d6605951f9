package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the fields of a request body, answering 400 with the field's name when one is missing or malformed.
 * {@code where} prefixes the name for nested fields, e.g. {@code lines[0].}.
 */
final class Fields {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Fields() {
    }

    static String text(JsonNode parent, String where, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw missing(where + name);
        }
        if (!value.isTextual()) {
            throw invalid(where + name, "must be text", value);
        }
        return value.asText();
    }

    static String text(JsonNode parent, String name) {
        return text(parent, "", name);
    }

    static Optional<String> optionalText(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    static JsonNode object(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw missing(name);
        }
        if (!value.isObject()) {
            throw invalid(name, "must be an object", value);
        }
        return value;
    }

    static JsonNode nonEmptyArray(JsonNode parent, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw missing(name);
        }
        if (!value.isArray() || value.isEmpty()) {
            throw Rejection.badRequest("invalid_field", "The field " + name + " must list at least one item.");
        }
        return value;
    }

    static String currency(JsonNode parent) {
        String currency = text(parent, "currency");
        if (!CURRENCY.matcher(currency).matches()) {
            throw invalid("currency", "must be a three-letter currency code such as EUR", parent.get("currency"));
        }
        return currency;
    }

    static int quantity(JsonNode parent, String where) {
        JsonNode value = parent.get("quantity");
        if (value == null || value.isNull()) {
            throw missing(where + "quantity");
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 1) {
            throw invalid(where + "quantity", "must be a whole number of at least 1", value);
        }
        return value.intValue();
    }

    /** Money travels as a decimal string ("12.50"); a JSON number is tolerated, a third decimal is not. */
    static BigDecimal money(JsonNode parent, String where, String name) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw missing(where + name);
        }
        try {
            BigDecimal amount = new BigDecimal(value.asText());
            if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
                throw invalid(where + name, "must be an amount of zero or more with at most two decimals", value);
            }
            return amount.setScale(2);
        } catch (NumberFormatException e) {
            throw invalid(where + name, "must be an amount such as \"12.50\"", value);
        }
    }

    private static Rejection missing(String field) {
        return Rejection.badRequest("missing_field", "The required field " + field + " is missing.");
    }

    private static Rejection invalid(String field, String rule, JsonNode value) {
        return Rejection.badRequest("invalid_field", "The field " + field + " " + rule + ", but it is " + value + ".");
    }
}
