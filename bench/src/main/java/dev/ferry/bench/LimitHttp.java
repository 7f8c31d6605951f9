package dev.ferry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The downstream half of the limit: a plain keep-alive HTTP client making, per order, the five calls Ferry makes
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
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong orders = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double cpuBefore = sandbox.process().cpuSeconds();
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                for (long i = 0; !stop.get(); i++) {
                    try {
                        oneOrder(client, sandbox, prefix + "-" + thread + "-" + i);
                        orders.incrementAndGet();
                    } catch (RuntimeException failed) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        Http.pause(duration);
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(threads, seconds, orders.get(), failures.get(), sandbox.process().cpuSeconds() - cpuBefore);
    }

    private static void oneOrder(HttpClient client, Sandbox sandbox, String orderId) {
        String crm = sandbox.baseUrl("crm");
        JsonNode customer = call(client, HttpRequest.newBuilder(URI.create(crm + "/api/customers/C-1001"))
                .header("Authorization", "Bearer crm-sandbox-token").GET());
        String customerId = customer.path("id").asText("C-1001");
        JsonNode salesOrder = call(client, json(sandbox.baseUrl("erp") + "/api/sales-orders", orderId,
                "create-sales-order", """
                {"customerId":"%s","reference":"%s","externalId":"%s","currency":"EUR",\
                "lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}]}"""
                        .formatted(customerId, orderId, orderId)).header("X-API-Key", "erp-sandbox-key"));
        JsonNode invoice = call(client, json(sandbox.baseUrl("accounting") + "/api/invoices", orderId,
                "create-invoice", """
                {"customerId":"%s","salesOrderId":"%s","reference":"%s","currency":"EUR",\
                "lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}]}"""
                        .formatted(customerId, salesOrder.path("id").asText(), orderId))
                .header("Authorization", BASIC));
        JsonNode shipment = call(client, json(sandbox.baseUrl("shipping") + "/api/shipments", orderId,
                "create-shipment", """
                {"reference":"%s","customerId":"%s","service":"standard","recipient":{"name":"Ana Lima",\
                "street":"Rua Augusta 1","city":"Lisboa","postalCode":"1100-048","country":"PT"},\
                "items":[{"sku":"SKU-RED-MUG","quantity":2}]}""".formatted(orderId, customerId))
                .header("Authorization", "Bearer shipping-sandbox-token"));
        call(client, json(crm + "/api/customers/" + customerId + "/order-updates", orderId, "update-crm-status", """
                {"ferryOrderId":"%s","source":"bench","externalId":"%s","status":"FULFILLED","erpOrderId":"%s",\
                "invoiceId":"%s","shipmentId":"%s","trackingNumber":"%s"}""".formatted(orderId, orderId,
                salesOrder.path("id").asText(), invoice.path("id").asText(), shipment.path("id").asText(),
                shipment.path("trackingNumber").asText()))
                .header("Authorization", "Bearer crm-sandbox-token"));
    }

    private static HttpRequest.Builder json(String url, String orderId, String step, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", orderId + ":" + step)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static JsonNode call(HttpClient client, HttpRequest.Builder request) {
        HttpResponse<String> response = Http.send(client, request.timeout(Duration.ofSeconds(30)).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Http.read(response.body());
    }
}
