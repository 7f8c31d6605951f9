package dev.ferry.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConnectorsTests {

    private static final CamelContext CAMEL = new DefaultCamelContext();

    private final Connectors connectors = new Connectors(new MockEnvironment()
            .withProperty("ferry.connectors.crm.base-url", "http://localhost:9101")
            .withProperty("ferry.connectors.crm.auth", "bearer")
            .withProperty("ferry.connectors.crm.token", "crm-token")
            .withProperty("ferry.connectors.erp.base-url", "http://localhost:9102")
            .withProperty("ferry.connectors.erp.auth", "api-key")
            .withProperty("ferry.connectors.erp.api-key", "erp-key")
            .withProperty("ferry.connectors.accounting.base-url", "http://localhost:9103")
            .withProperty("ferry.connectors.accounting.auth", "basic")
            .withProperty("ferry.connectors.accounting.username", "ferry")
            .withProperty("ferry.connectors.accounting.password", "s3cret:pw")
            .withProperty("ferry.connectors.shipping.base-url", "http://localhost:9104")
            .withProperty("ferry.connectors.shipping.auth", "none"));

    @AfterAll
    static void stopCamel() throws Exception {
        CAMEL.close();
    }

    static Exchange orderStep(String customerId) {
        ObjectNode order = new ObjectMapper().createObjectNode().put("orderId", "ord-42");
        order.putObject("customer").put("id", customerId).put("name", "Ada");
        Exchange exchange = new DefaultExchange(CAMEL);
        exchange.setProperty("ferryOrder", order);
        exchange.setProperty("ferryOrderId", "ord-42");
        exchange.setProperty(Exchange.STEP_ID, "create-sales-order");
        return exchange;
    }

    @Test
    void clearsTheInboundHeaders() {
        Exchange exchange = orderStep("C-1001");
        exchange.getMessage().setHeader("JMSMessageID", "ID:broker-1");
        exchange.getMessage().setHeader("fireTime", "yesterday");
        exchange.getMessage().setHeader("Authorization", "Bearer the-clients-own-key");

        connectors.prepare(exchange, "shipping", "POST", "/api/shipments");

        assertThat(exchange.getMessage().getHeaders())
                .doesNotContainKeys("JMSMessageID", "fireTime", "Authorization");
    }

    @Test
    void keepsTheRedeliveryHeaders() {
        Exchange exchange = orderStep("C-1001");
        exchange.getMessage().setHeader(Exchange.REDELIVERED, true);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_COUNTER, 2);
        exchange.getMessage().setHeader(Exchange.REDELIVERY_MAX_COUNTER, 4);

        connectors.prepare(exchange, "erp", "POST", "/api/sales-orders");

        assertThat(exchange.getMessage().getHeaders())
                .containsEntry("CamelRedelivered", true)
                .containsEntry("CamelRedeliveryCounter", 2)
                .containsEntry("CamelRedeliveryMaxCounter", 4);
    }

    @Test
    void setsTheMethodAndPath() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "erp", "POST", "/api/sales-orders");

        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(Exchange.HTTP_METHOD, HttpMethods.POST)
                .containsEntry(Exchange.HTTP_PATH, "/api/sales-orders")
                .doesNotContainKey(Exchange.HTTP_QUERY);
    }

    @Test
    void fillsInAnOrderFieldOfThePath() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "crm", "GET", "/api/customers/{customer.id}");

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_PATH)).isEqualTo("/api/customers/C-1001");
    }

    @Test
    void urlEncodesAnOrderFieldOfThePath() {
        Exchange exchange = orderStep("ACME 10/01+ä");

        connectors.prepare(exchange, "crm", "GET", "/api/customers/{customer.id}/order-updates");

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_PATH))
                .isEqualTo("/api/customers/ACME%2010%2F01%2B%C3%A4/order-updates");
    }

    @Test
    void splitsTheQueryFromThePath() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "crm", "GET", "/api/orders?status=open");

        assertThat(exchange.getMessage().getHeaders())
                .containsEntry(Exchange.HTTP_PATH, "/api/orders")
                .containsEntry(Exchange.HTTP_QUERY, "status=open");
    }

    @Test
    void namesTheSystemOnTheExchangeForFailureMessages() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "erp", "POST", "/api/sales-orders");

        assertThat(exchange.getProperty(Connectors.SYSTEM)).isEqualTo("erp");
    }

    @Test
    void sendsABearerToken() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "crm", "GET", "/api/customers/{customer.id}");

        assertThat(exchange.getMessage().getHeader("Authorization")).isEqualTo("Bearer crm-token");
    }

    @Test
    void sendsAnApiKeyAsXApiKey() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "erp", "POST", "/api/sales-orders");

        assertThat(exchange.getMessage().getHeaders())
                .containsEntry("X-API-Key", "erp-key")
                .doesNotContainKey("Authorization");
    }

    @Test
    void sendsBasicCredentials() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "accounting", "POST", "/api/invoices");

        String expected = Base64.getEncoder().encodeToString("ferry:s3cret:pw".getBytes(StandardCharsets.UTF_8));
        assertThat(exchange.getMessage().getHeader("Authorization")).isEqualTo("Basic " + expected);
    }

    @Test
    void sendsNoCredentialsWhenAuthIsNone() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "shipping", "POST", "/api/shipments");

        assertThat(exchange.getMessage().getHeaders()).doesNotContainKeys("Authorization", "X-API-Key");
    }

    @Test
    void sendsAnIdempotencyKeyOfOrderAndStepOnACreateCall() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "erp", "POST", "/api/sales-orders");

        assertThat(exchange.getMessage().getHeader("Idempotency-Key")).isEqualTo("ord-42:create-sales-order");
    }

    @Test
    void endsTheIdempotencyKeyWithTheDetailOfAStepThatCreatesMoreThanOnce() {
        Exchange exchange = orderStep("C-1001");
        exchange.setProperty(Connectors.IDEMPOTENCY_DETAIL, "IN_TRANSIT");

        connectors.prepare(exchange, "crm", "POST", "/api/customers/{customer.id}/order-updates");

        assertThat(exchange.getMessage().getHeader("Idempotency-Key")).isEqualTo("ord-42:create-sales-order:IN_TRANSIT");
    }

    @Test
    void sendsNoIdempotencyKeyOnAGet() {
        Exchange exchange = orderStep("C-1001");

        connectors.prepare(exchange, "crm", "GET", "/api/customers/{customer.id}");

        assertThat(exchange.getMessage().getHeaders()).doesNotContainKey("Idempotency-Key");
    }

    @Test
    void aGetNeedsNoNamedStep() {
        Exchange exchange = new DefaultExchange(CAMEL);

        connectors.prepare(exchange, "crm", "GET", "/api/orders?status=open");

        assertThat(exchange.getMessage().getHeader(Exchange.HTTP_PATH)).isEqualTo("/api/orders");
    }

    @Test
    void aCreateCallOutsideANamedStepFailsClearly() {
        Exchange exchange = orderStep("C-1001");
        exchange.removeProperty(Exchange.STEP_ID);

        assertThatThrownBy(() -> connectors.prepare(exchange, "erp", "POST", "/api/sales-orders"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("named step");
    }

    @Test
    void anUnknownSystemFailsClearly() {
        Exchange exchange = orderStep("C-1001");

        assertThatThrownBy(() -> connectors.prepare(exchange, "billing", "POST", "/api/bills"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'billing'")
                .hasMessageContaining("ferry.connectors.billing.base-url");
    }

    @Test
    void aPathFieldMissingFromTheOrderFailsClearly() {
        Exchange exchange = orderStep("C-1001");

        assertThatThrownBy(() -> connectors.prepare(exchange, "crm", "GET", "/api/accounts/{customer.accountId}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("customer.accountId")
                .hasMessageContaining("/api/accounts/{customer.accountId}");
    }
}
