package dev.ferry.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Amounts as the systems write them: decimal strings, compared as money, never as doubles. */
final class Money {

    private Money() {
    }

    /**
     * The amount in a field, or null when the system gave none Ferry can read: that is a mismatch, not a crash.
     * An absurd one ("1e999999999") is none either: added to another or written out in full it would take
     * gigabytes.
     */
    static BigDecimal read(JsonNode record, String field) {
        String text = record.path(field).asText("").trim();
        if (text.isEmpty() || text.length() > 40) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text);
            return Math.abs(amount.scale()) > 20 ? null : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "100.00 EUR": two decimals at least, so 100 and 100.00 read alike to a person. */
    static String format(BigDecimal amount, String currency) {
        if (amount == null) {
            return "no readable amount";
        }
        return amount.setScale(Math.max(2, amount.scale())).toPlainString() + " " + currency;
    }
}
