package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the fields of a request body, answering 400 with the field's name when one is missing or malformed.
 * {@code where} prefixes the name for nested fields, e.g. {@code lines[0].}.
 */
final class Fields {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_AMOUNT_LENGTH = 40;
    private static final int MAX_WHOLE_DIGITS = 12;

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

    /**
     * Money travels as a decimal string ("12.50"); a JSON number is tolerated. It has at most the currency's
     * decimals (ISO 4217 minor units: EUR 2, JPY none, KWD 3; 2 for a code Java does not know) and fewer than 13
     * digits before the point; it comes back with exactly the currency's decimals.
     */
    static BigDecimal money(JsonNode parent, String where, String name, String currency) {
        JsonNode value = parent.get(name);
        if (value == null || value.isNull()) {
            throw missing(where + name);
        }
        int decimals = decimals(currency);
        // a longer text is no amount, and parsing a million digits would take a while
        if (value.asText().length() > MAX_AMOUNT_LENGTH) {
            throw invalid(where + name, "must be an amount such as \"12.50\"", value);
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.asText());
        } catch (NumberFormatException e) {
            throw invalid(where + name, "must be an amount such as \"12.50\"", value);
        }
        // precision and scale cost nothing even for 1e-999999999; writing it out or rescaling it would not
        if (amount.signum() < 0 || amount.precision() - amount.scale() > MAX_WHOLE_DIGITS) {
            throw invalid(where + name, "must be an amount of zero or more, below 1000000000000", value);
        }
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw invalid(where + name, "must have at most " + decimals + " decimals in " + currency, value);
        }
        return amount.setScale(decimals);
    }

    /** The currency's minor units: 2 for EUR, 0 for JPY, 3 for KWD; 2 for a code Java does not know. */
    static int decimals(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    private static Rejection missing(String field) {
        return Rejection.badRequest("missing_field", "The required field " + field + " is missing.");
    }

    private static Rejection invalid(String field, String rule, JsonNode value) {
        String shown = value.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 50) + "... (" + shown.length() + " characters)";
        }
        return Rejection.badRequest("invalid_field", "The field " + field + " " + rule + ", but it is " + shown + ".");
    }
}
