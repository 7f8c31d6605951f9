package dev.ferry.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** One accounting invoice as the reconciliation sees it (connectors/accounting/list-invoices.jsonata). */
record Invoice(String id, String salesOrderId, BigDecimal amount, String currency, JsonNode record) {

    static Invoice from(JsonNode mapped) {
        return new Invoice(mapped.path("invoiceId").asText(""), mapped.path("salesOrderId").asText(""),
                Money.read(mapped, "amount"), mapped.path("currency").asText(""), mapped.path("record"));
    }
}
