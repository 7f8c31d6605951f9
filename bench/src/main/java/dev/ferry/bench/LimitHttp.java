package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The downstream half of the limit: a plain keep-alive HTTP client (Apache HttpClient 5, classic, as Ferry's connectors use) making, per order, the five calls Ferry makes
 * (CRM customer, ERP sales order, accounting invoice, shipment, CRM status update) with the same paths, headers,
 * idempotency keys and bodies, against the same sandbox stubs, from many threads at once. Nothing else: no
 * mapping engine, no journal, no queue.
 */
final class LimitHttp {

    record Result(int threads, double seconds, long orders, long failures, double cpuSecondsSandbox) {
        double ordersPerSecond() {
            return orders / seconds;
        }
    }

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("ferry:accounting-sandbox".getBytes(StandardCharsets.UTF_8));

    private LimitHttp() {
    }

    static Result run(Sandbox sandbox, int threads, Duration duration, String prefix) throws Exception {
        AtomicLong orders = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        double cpuBefore = sandbox.process().cpuSeconds();
        double seconds;
        try (LoadClient client = new LoadClient(threads * 2)) {
            seconds = Saturation.run(threads, duration, (thread, over) -> {
                for (long i = 0; !over.getAsBoolean(); i++) {
                    try {
                        oneOrder(client, sandbox, prefix + "-" + thread + "-" + i);
                        orders.incrementAndGet();
                    } catch (RuntimeException failed) {
                        failures.incrementAndGet();
                    }
                }
            });
        }
        return new Result(threads, seconds, orders.get(), failures.get(), sandbox.process().cpuSeconds() - cpuBefore);
    }

    private static void oneOrder(LoadClient client, Sandbox sandbox, String orderId) {
        String crm = sandbox.baseUrl("crm");
        JsonNode customer = check(client.get(URI.create(crm + "/api/customers/C-1001"),
                Map.of("Authorization", "Bearer crm-sandbox-token", "Accept", "application/json")));
        String customerId = customer.path("id").asText("C-1001");
        JsonNode salesOrder = post(client, sandbox.baseUrl("erp") + "/api/sales-orders", orderId,
                "create-sales-order", "X-API-Key", "erp-sandbox-key", """
                {"customerId":"%s","reference":"%s","externalId":"%s","currency":"EUR",\
                "lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}]}"""
                        .formatted(customerId, orderId, orderId));
        JsonNode invoice = post(client, sandbox.baseUrl("accounting") + "/api/invoices", orderId,
                "create-invoice", "Authorization", BASIC, """
                {"customerId":"%s","salesOrderId":"%s","reference":"%s","currency":"EUR",\
                "lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}]}"""
                        .formatted(customerId, salesOrder.path("id").asText(), orderId));
        JsonNode shipment = post(client, sandbox.baseUrl("shipping") + "/api/shipments", orderId,
                "create-shipment", "Authorization", "Bearer shipping-sandbox-token", """
                {"reference":"%s","customerId":"%s","service":"standard","recipient":{"name":"Ana Lima",\
                "street":"Rua Augusta 1","city":"Lisboa","postalCode":"1100-048","country":"PT"},\
                "items":[{"sku":"SKU-RED-MUG","quantity":2}]}""".formatted(orderId, customerId));
        post(client, crm + "/api/customers/" + customerId + "/order-updates", orderId, "update-crm-status",
                "Authorization", "Bearer crm-sandbox-token", """
                {"ferryOrderId":"%s","source":"bench","externalId":"%s","status":"FULFILLED","erpOrderId":"%s",\
                "invoiceId":"%s","shipmentId":"%s","trackingNumber":"%s"}""".formatted(orderId, orderId,
                salesOrder.path("id").asText(), invoice.path("id").asText(), shipment.path("id").asText(),
                shipment.path("trackingNumber").asText()));
    }

    private static JsonNode post(LoadClient client, String url, String orderId, String step, String authHeader,
            String authValue, String body) {
        return check(client.post(URI.create(url), Map.of(authHeader, authValue, "Accept", "application/json",
                "Idempotency-Key", orderId + ":" + step), body));
    }

    private static JsonNode check(LoadClient.Answer answer) {
        if (!answer.ok()) {
            throw new IllegalStateException("the sandbox answered " + answer.status() + ": " + answer.body());
        }
        return Http.read(answer.body());
    }
}
