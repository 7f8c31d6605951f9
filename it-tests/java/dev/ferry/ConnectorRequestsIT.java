package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

/** Each connector sends its system exactly the request it expects: method, path, headers and body. */
class ConnectorRequestsIT extends FerryIntegrationTest {

    private String id;
    private JsonNode refs;

    @BeforeEach
    void completeOneOrder() {
        id = accept(TestOrders.ordinary("CONN-" + System.nanoTime()));
        refs = awaitStatus(id, "COMPLETED").path("refs");
    }

    @Test
    void resolveCustomerGetsTheCustomerWithTheCrmToken() {
        // every order of this class is Ana Lima's, and a GET carries no order id: all lookups look alike
        List<LoggedRequest> lookups = sandbox.crm().server().findAll(getRequestedFor(urlEqualTo("/api/customers/C-1001")));

        assertThat(lookups).isNotEmpty().allSatisfy(request -> {
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer crm-sandbox-token");
            assertThat(request.containsHeader("Idempotency-Key")).isFalse();
        });
    }

    @Test
    void createSalesOrderSendsTheMappedOrderWithTheErpKey() throws Exception {
        LoggedRequest request = only(sandbox.erp().server(), postRequestedFor(urlEqualTo("/api/sales-orders"))
                .withHeader("Idempotency-Key", equalTo(id + ":create-sales-order"))
                .withHeader("X-API-Key", equalTo("erp-sandbox-key"))
                .withHeader("Content-Type", containing("application/json")));

        JSONAssert.assertEquals("""
                {"customerId":"C-1001","reference":"%s","externalId":"%s","currency":"EUR",
                 "lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}]}"""
                .formatted(id, order(id).path("externalId").asText()), request.getBodyAsString(), JSONCompareMode.STRICT);
    }

    @Test
    void createInvoiceSendsTheSalesOrderIdWithBasicAuth() throws Exception {
        String basic = Base64.getEncoder().encodeToString("ferry:accounting-sandbox".getBytes(StandardCharsets.UTF_8));
        LoggedRequest request = only(sandbox.accounting().server(), postRequestedFor(urlEqualTo("/api/invoices"))
                .withHeader("Idempotency-Key", equalTo(id + ":create-invoice"))
                .withHeader("Authorization", equalTo("Basic " + basic)));

        JSONAssert.assertEquals("""
                {"customerId":"C-1001","salesOrderId":"%s","reference":"%s","currency":"EUR",
                 "lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}]}"""
                .formatted(refs.path("erpOrderId").asText(), id), request.getBodyAsString(), JSONCompareMode.STRICT);
    }

    @Test
    void createShipmentSendsTheRecipientWithTheShippingToken() throws Exception {
        LoggedRequest request = only(sandbox.shipping().server(), postRequestedFor(urlEqualTo("/api/shipments"))
                .withHeader("Idempotency-Key", equalTo(id + ":create-shipment"))
                .withHeader("Authorization", equalTo("Bearer shipping-sandbox-token")));

        JSONAssert.assertEquals("""
                {"reference":"%s","customerId":"C-1001","service":"standard",
                 "recipient":{"name":"Ana Lima","street":"Rua Augusta 1","city":"Lisboa","postalCode":"1100-048","country":"PT"},
                 "items":[{"sku":"SKU-RED-MUG","quantity":2}]}""".formatted(id), request.getBodyAsString(),
                JSONCompareMode.STRICT);
    }

    @Test
    void updateCrmStatusWritesBackEveryIdAndTheTrackingNumber() throws Exception {
        LoggedRequest request = only(sandbox.crm().server(), postRequestedFor(urlEqualTo("/api/customers/C-1001/order-updates"))
                .withHeader("Idempotency-Key", equalTo(id + ":update-crm-status"))
                .withHeader("Authorization", equalTo("Bearer crm-sandbox-token")));

        JSONAssert.assertEquals("""
                {"ferryOrderId":"%s","source":"webshop","externalId":"%s","status":"FULFILLED","erpOrderId":"%s",
                 "invoiceId":"%s","shipmentId":"%s","trackingNumber":"%s"}""".formatted(id,
                        order(id).path("externalId").asText(), refs.path("erpOrderId").asText(),
                        refs.path("invoiceId").asText(), refs.path("shipmentId").asText(),
                        refs.path("trackingNumber").asText()),
                request.getBodyAsString(), JSONCompareMode.STRICT);
    }

    @Test
    void noInboundJmsOrCamelHeaderLeaksToASystem() {
        LoggedRequest request = only(sandbox.erp().server(), postRequestedFor(urlEqualTo("/api/sales-orders"))
                .withHeader("Idempotency-Key", equalTo(id + ":create-sales-order")));

        assertThat(request.getHeaders().all()).extracting(HttpHeader::key)
                .noneMatch(name -> name.startsWith("JMS") || name.startsWith("Camel") || name.startsWith("ferry"));
    }

    private static LoggedRequest only(WireMockServer server, RequestPatternBuilder pattern) {
        List<LoggedRequest> requests = server.findAll(pattern);
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
