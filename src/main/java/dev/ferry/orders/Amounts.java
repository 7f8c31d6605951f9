package dev.ferry.orders;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * What the schema cannot say about money and quantities, so that intake refuses what no system downstream can
 * take: a price with more decimals than its currency has (ISO 4217 minor units: EUR 2, JPY 0, KWD 3), and a
 * quantity that is a JSON number but not a whole one written as such (2.0). The shape of each value (a decimal
 * string of at most 12 digits before the point, a number from 0 to 999999999999) is the schema's.
 */
final class Amounts {

    // the schema's pattern for a price given as a string; a string of another shape is the schema's to report
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,12}(\\.[0-9]{1,12})?");

    private Amounts() {
    }

    static List<Violation> violations(JsonNode order) {
        List<Violation> violations = new ArrayList<>();
        OptionalInt decimals = minorUnits(order.path("currency").asText(""));
        JsonNode lines = order.path("lines");
        if (!lines.isArray()) {
            return violations; // the schema's to report
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = "/lines/" + i + "/";
            JsonNode quantity = lines.get(i).path("quantity");
            if (quantity.isNumber() && !quantity.isIntegralNumber() && isWhole(quantity)) {
                // a fraction the schema reports itself ("integer expected"); 2.0 and 1E+2 it takes for integers
                violations.add(new Violation(line + "quantity",
                        "must be a whole number written without a decimal point, such as 2"));
            }
            if (decimals.isPresent()) {
                tooManyDecimals(lines.get(i).path("unitPrice"), order.path("currency").asText(), decimals.getAsInt())
                        .ifPresent(message -> violations.add(new Violation(line + "unitPrice", message)));
            }
        }
        return violations;
    }

    /** The currency's minor units, or none for a code the JDK does not know (the schema has its own list). */
    private static OptionalInt minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? OptionalInt.empty() : OptionalInt.of(digits);
        } catch (IllegalArgumentException | NullPointerException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<String> tooManyDecimals(JsonNode price, String currency, int allowed) {
        int has;
        if (price.isTextual() && DECIMAL.matcher(price.asText()).matches()) {
            // a string goes to the systems as written, so its trailing zeros count: "12.500" is three decimals
            int point = price.asText().indexOf('.');
            has = point < 0 ? 0 : price.asText().length() - point - 1;
        } else if (price.isNumber()) {
            // a number is a value (Jackson may have dropped its trailing zeros already); scale() is cheap even
            // for 1E-999999999, and nothing here writes the number out in full
            has = Math.max(0, price.decimalValue().stripTrailingZeros().scale());
        } else {
            return Optional.empty();
        }
        if (has <= allowed) {
            return Optional.empty();
        }
        return Optional.of(currency + " has " + inWords(allowed) + "; " + price.asText() + " has " + has);
    }

    private static String inWords(int decimals) {
        return decimals == 0 ? "no decimals" : decimals == 1 ? "1 decimal" : decimals + " decimals";
    }

    private static boolean isWhole(JsonNode number) {
        BigDecimal value = number.decimalValue();
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
