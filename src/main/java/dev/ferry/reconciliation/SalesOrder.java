package dev.ferry.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * One ERP sales order as the reconciliation sees it (connectors/erp/list-sales-orders.jsonata); orderId is the
 * sales order's reference, a Ferry order id when Ferry created it; record is the ERP's own, for the detail.
 */
record SalesOrder(String id, String orderId, BigDecimal amount, String currency, JsonNode record) {

    static SalesOrder from(JsonNode mapped) {
        return new SalesOrder(mapped.path("salesOrderId").asText(""), mapped.path("orderId").asText(null),
                Money.read(mapped, "amount"), mapped.path("currency").asText(""), mapped.path("record"));
    }
}
