package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxHttp.Answer;
import java.time.Duration;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxCrmTests {

    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();
    private SandboxHttp crm;

    @BeforeEach
    void reset() {
        crm = SandboxHttp.crm(running.systems());
    }

    static String orderUpdate(String source, String externalId) {
        return """
                {"ferryOrderId":"ORD-1","source":"%s","externalId":"%s","status":"COMPLETED","erpOrderId":"SO-000001",
                 "invoiceId":"INV-2026-000001","shipmentId":"SHP-000001","trackingNumber":"NSX1234567890"}"""
                .formatted(source, externalId);
    }

    @Test
    void refusesAWrongToken() {
        Answer answer = crm.header("Authorization", "Bearer nope").get("/api/customers/C-1001");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(answer.text("message")).contains("CRM", "token");
    }

    @Test
    void returnsAWellKnownCustomer() {
        Answer answer = crm.get("/api/customers/C-1001");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text("name")).isEqualTo("Ana Lima");
        assertThat(answer.text("email")).isEqualTo("ana@example.com");
        assertThat(answer.text("segment")).isEqualTo("retail");
        assertThat(answer.text("createdAt")).isNotBlank();
    }

    @Test
    void knowsAnyOtherCustomerTheSameWayEveryTime() {
        Answer first = crm.get("/api/customers/C-7777");
        Answer again = crm.get("/api/customers/C-7777");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.text("id")).isEqualTo("C-7777");
        assertThat(first.text("email")).endsWith("@example.com");
        assertThat(again.body()).isEqualTo(first.body());
    }

    @Test
    void doesNotKnowCustomer404() {
        Answer answer = crm.get("/api/customers/C-404");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("error")).isEqualTo("customer_not_found");
        assertThat(answer.text("message")).isEqualTo("No customer with id C-404 exists in the CRM.");
    }

    @Test
    void listsTheInitialOrdersOldestFirstAllOrdinary() {
        JsonNode orders = crm.get("/api/orders?status=open").json().path("orders");

        assertThat(orders).hasSize(4);
        assertThat(orders).extracting(order -> order.path("orderNumber").asText())
                .containsExactly("CRM-000101", "CRM-000102", "CRM-000103", "CRM-000104");
        assertThat(orders.toString()).doesNotContain("C-404", "DISCONTINUED-", "00000", "C-FLAKY", "C-THROTTLE",
                "C-DOWN");
        assertThat(orders.get(0).at("/delivery/countryCode").asText()).hasSize(2);
    }

    @Test
    void recordsAnOrderUpdateAndClosesTheCrmOrderItRefersTo() {
        Answer answer = crm.key("u1").post("/api/customers/C-1001/order-updates", orderUpdate("crm", "CRM-000102"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("id")).isEqualTo("UPD-000001");
        assertThat(answer.text("trackingNumber")).isEqualTo("NSX1234567890");
        assertThat(running.systems().crm().orderUpdates()).singleElement()
                .satisfies(update -> assertThat(update.path("customerId").asText()).isEqualTo("C-1001"));
        assertThat(orderNumbers(crm.get("/api/orders?status=open")))
                .containsExactly("CRM-000101", "CRM-000103", "CRM-000104");
    }

    @Test
    void listsTheOrdersStillOpenWhicheverOrderTheyAreProcessedIn() {
        crm.key("u2").post("/api/customers/C-1001/order-updates", orderUpdate("crm", "CRM-000102"));
        crm.key("u1").post("/api/customers/C-1001/order-updates", orderUpdate("crm", "CRM-000101"));
        crm.key("u4").post("/api/customers/C-1001/order-updates", orderUpdate("crm", "CRM-000104"));

        assertThat(orderNumbers(crm.get("/api/orders?status=open"))).containsExactly("CRM-000103");
        crm.key("u3").post("/api/customers/C-1001/order-updates", orderUpdate("crm", "CRM-000103"));
        assertThat(orderNumbers(crm.get("/api/orders?status=open"))).isEmpty();
        running.systems().reset();
        assertThat(orderNumbers(crm.get("/api/orders?status=open"))).hasSize(4);
    }

    @Test
    void keepsCrmOrdersOpenAfterAnUpdateAboutAnOrderFromElsewhere() {
        crm.key("u1").post("/api/customers/C-1001/order-updates", orderUpdate("webshop", "CRM-000102"));

        assertThat(orderNumbers(crm.get("/api/orders?status=open"))).hasSize(4);
    }

    @Test
    void recordsOneOrderUpdatePerIdempotencyKey() {
        Answer first = crm.key("u1").post("/api/customers/C-1001/order-updates", orderUpdate("crm", "CRM-000101"));
        Answer again = crm.key("u1").post("/api/customers/C-1001/order-updates", orderUpdate("crm", "CRM-000101"));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(running.systems().crm().orderUpdates()).hasSize(1);
    }

    @Test
    void recordsAShipmentStatusWithItsTrackingNumber() {
        Answer answer = crm.key("s1").post("/api/customers/C-1001/order-updates", """
                {"ferryOrderId":"ORD-1","source":"webshop","externalId":"WEB-1","trackingNumber":"NF-1000001",
                 "shipmentStatus":"IN_TRANSIT","shipmentStatusAt":"2026-11-28T16:10:00Z"}""");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(running.systems().crm().orderUpdates()).singleElement().satisfies(update -> {
            assertThat(update.path("shipmentStatus").asText()).isEqualTo("IN_TRANSIT");
            assertThat(update.path("shipmentStatusAt").asText()).isEqualTo("2026-11-28T16:10:00Z");
            assertThat(update.has("status")).isFalse();
        });
    }

    @Test
    void refusesAnOrderUpdateWithoutAnyStatus() {
        Answer answer = crm.key("s2").post("/api/customers/C-1001/order-updates", """
                {"ferryOrderId":"ORD-1","trackingNumber":"NF-1000001"}""");
        Answer unnamed = crm.key("s3").post("/api/customers/C-1001/order-updates", """
                {"ferryOrderId":"ORD-1","shipmentStatus":"DELIVERED"}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("missing_field");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.body()).contains("trackingNumber");
        assertThat(running.systems().crm().orderUpdates()).isEmpty();
    }

    @Test
    void refusesAnOrderUpdateForAnUnknownCustomer() {
        Answer answer = crm.key("u1").post("/api/customers/C-404/order-updates", orderUpdate("crm", "CRM-000101"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(running.systems().crm().orderUpdates()).isEmpty();
    }

    @Test
    void letsNewOrdersTrickleInUpToTheMaximum() {
        SandboxSettings fast = SandboxSettings.defaults()
                .withCrm(SandboxSettings.defaults().crm().withTrickle(Duration.ofMillis(50), 2, 6));
        try (SandboxSystems trickling = SandboxSystems.start(fast)) {
            SandboxHttp crm = SandboxHttp.crm(trickling);
            assertThat(orderNumbers(crm.get("/api/orders?status=open"))).hasSizeBetween(2, 6);

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> orderNumbers(crm.get("/api/orders?status=open")).size() == 6);

            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> orderNumbers(crm.get("/api/orders?status=open")).size() == 6);
        }
    }

    @Test
    void explainsAnUnsupportedStatusFilter() {
        Answer answer = crm.get("/api/orders?status=shipped");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("message")).contains("status=open");
    }

    private static List<String> orderNumbers(Answer answer) {
        return StreamSupport.stream(answer.json().path("orders").spliterator(), false)
                .map(order -> order.path("orderNumber").asText()).toList();
    }
}
