package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.SandboxHttp.Answer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxShippingTests {

    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();
    private SandboxHttp shipping;

    @BeforeEach
    void reset() {
        shipping = SandboxHttp.shipping(running.systems());
    }

    static String shipment(String customerId, String service, String postalCode) {
        return """
                {"reference":"ORD-1","customerId":"%s","service":"%s",
                 "recipient":{"name":"Ana Lima","street":"Rua Augusta 1","city":"Lisboa","postalCode":"%s",
                              "country":"PT"},
                 "items":[{"sku":"SKU-RED-MUG","quantity":2}]}""".formatted(customerId, service, postalCode);
    }

    @Test
    void refusesAMissingToken() {
        Answer answer = shipping.anonymous().key("k1")
                .post("/api/shipments", shipment("C-1001", "standard", "1100-048"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text("error")).isEqualTo("unauthorized");
    }

    @Test
    void createsAShipmentWithATrackingNumber() {
        Answer answer = shipping.key("k1").post("/api/shipments", shipment("C-1001", "express", "1100-048"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("shipmentId")).isEqualTo("SHP-000001");
        assertThat(answer.text("trackingNumber")).matches("NSX\\d{10}");
        assertThat(answer.text("carrier")).isEqualTo("Nordic Express");
        assertThat(answer.text("service")).isEqualTo("express");
        assertThat(answer.text("status")).isEqualTo("LABEL_CREATED");
    }

    @Test
    void givesEveryShipmentItsOwnTrackingNumber() {
        List<String> numbers = List.of("k1", "k2", "k3").stream()
                .map(key -> shipping.key(key).post("/api/shipments", shipment("C-1001", "standard", "1100-048")))
                .map(answer -> answer.text("trackingNumber")).toList();

        assertThat(numbers).doesNotHaveDuplicates();
    }

    @Test
    void answersARetryWithTheSameShipment() {
        Answer first = shipping.key("k1").post("/api/shipments", shipment("C-1001", "standard", "1100-048"));
        Answer again = shipping.key("k1").post("/api/shipments", shipment("C-1001", "standard", "1100-048"));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(running.systems().shipping().shipments()).isEqualTo(1);
    }

    @Test
    void rejectsAPostalCodeThatDoesNotExist() {
        Answer answer = shipping.key("k1").post("/api/shipments", shipment("C-1001", "standard", "00000"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("error")).isEqualTo("invalid_address");
        assertThat(answer.text("message"))
                .isEqualTo("The postal code 00000 does not exist in Portugal; check the delivery address.");
    }

    @Test
    void isAlwaysDownForTheDownCustomer() {
        List<Integer> statuses = List.of(1, 2, 3, 4).stream()
                .map(i -> shipping.key("d1").post("/api/shipments", shipment("C-DOWN", "standard", "1100-048")))
                .map(Answer::status).toList();

        assertThat(statuses).containsOnly(503);
        assertThat(shipping.key("d1").post("/api/shipments", shipment("C-DOWN", "standard", "1100-048"))
                .text("message")).isEqualTo("The shipping service is down for maintenance.");
        assertThat(running.systems().shipping().shipments()).isZero();
    }

    @Test
    void rejectsAServiceItDoesNotOffer() {
        Answer answer = shipping.key("k1").post("/api/shipments", shipment("C-1001", "freight", "1100-048"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("error")).isEqualTo("unsupported_service");
        assertThat(answer.text("message")).contains("freight", "standard or express");
    }

    @Test
    void namesAMissingRecipientField() {
        Answer answer = shipping.key("k1").post("/api/shipments",
                shipment("C-1001", "standard", "1100-048").replace("\"city\":\"Lisboa\",", ""));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("message")).isEqualTo("The required field recipient.city is missing.");
    }

    @Test
    void findsAShipmentById() {
        String tracking = shipping.key("k1").post("/api/shipments", shipment("C-1001", "standard", "1100-048"))
                .text("trackingNumber");

        assertThat(shipping.get("/api/shipments/SHP-000001").text("trackingNumber")).isEqualTo(tracking);
        assertThat(shipping.get("/api/shipments/SHP-000002").status()).isEqualTo(404);
    }
}
