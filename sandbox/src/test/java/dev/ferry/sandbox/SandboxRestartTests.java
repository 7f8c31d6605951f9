package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxHttp.Answer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The systems started again on the same state directory, as after a restart of Ferry or of the sandbox alone. */
class SandboxRestartTests {

    @TempDir
    Path state;

    @Test
    void numbersGoOnAfterWhatWasHandedOutAndTheRecordsAndKeysAreStillThere() {
        SandboxSettings settings = SandboxSettings.defaults().withStateDir(state);
        Answer salesOrder;
        Answer shipment;
        try (SandboxSystems sandbox = SandboxSystems.start(settings)) {
            salesOrder = SandboxHttp.erp(sandbox).key("so-1").post("/api/sales-orders",
                    SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"));
            shipment = SandboxHttp.shipping(sandbox).key("shp-1").post("/api/shipments",
                    SandboxShippingTests.shipment("C-1001", "standard", "1100-048"));
            SandboxHttp.accounting(sandbox).key("inv-1").post("/api/invoices", SandboxAccountingTests.invoice("C-1001"));
            SandboxHttp.crm(sandbox).key("upd-1").post("/api/customers/C-1001/order-updates",
                    SandboxCrmTests.orderUpdate("crm", "CRM-000101"));
            sandbox.portal().book("REF-1", "Ana Lima");
        }

        try (SandboxSystems sandbox = SandboxSystems.start(settings)) {
            SandboxHttp erp = SandboxHttp.erp(sandbox);
            assertThat(erp.get("/api/sales-orders/SO-000001").body()).isEqualTo(salesOrder.body());
            assertThat(erp.key("so-2").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1002", "SKU-RED-MUG"))
                    .text("id")).isEqualTo("SO-000002");
            // a retry under a key used before the restart gets the first reply, and makes nothing
            Answer retried = erp.key("so-1").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"));
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.body()).isEqualTo(salesOrder.body());
            assertThat(retried.header("Location")).isEqualTo("/api/sales-orders/SO-000001");
            assertThat(erp.key("so-1").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1003", "SKU-RED-MUG"))
                    .status()).isEqualTo(422);
            assertThat(sandbox.erp().salesOrders()).isEqualTo(2);

            Answer next = SandboxHttp.shipping(sandbox).key("shp-2").post("/api/shipments",
                    SandboxShippingTests.shipment("C-1001", "standard", "1100-048"));
            assertThat(next.text("shipmentId")).isEqualTo("SHP-000002");
            assertThat(next.text("trackingNumber")).isNotEqualTo(shipment.text("trackingNumber"));
            assertThat(SandboxHttp.accounting(sandbox).key("inv-2").post("/api/invoices",
                    SandboxAccountingTests.invoice("C-1002")).text("invoiceId")).endsWith("-000002");

            assertThat(sandbox.crm().orderUpdates()).hasSize(1);
            assertThat(sandbox.crm().openOrders()).extracting(order -> order.path("orderNumber").asText())
                    .doesNotContain("CRM-000101").contains("CRM-000102");

            assertThat(sandbox.portal().consignments()).extracting(c -> c.number() + " " + c.reference())
                    .containsExactly("NF-1000001 REF-1");
            assertThat(sandbox.portal().book("REF-2", "Bruno Costa").number()).isEqualTo("NF-1000002");
        }
    }

    @Test
    void theCrmTrickleGoesOnFromTheLastOrderItShowedAndTheTimeDownDoesNotCount() {
        MovingClock clock = new MovingClock(Instant.parse("2026-11-28T12:00:00Z"));
        SandboxSettings settings = SandboxSettings.defaults().withStateDir(state)
                .withCrm(SandboxSettings.defaults().crm().withTrickle(Duration.ofSeconds(15), 2, 10));
        try (SandboxSystems sandbox = SandboxSystems.start(settings, clock)) {
            clock.pass(Duration.ofSeconds(45));
            assertThat(numbers(sandbox.crm().openOrders())).containsExactly("CRM-000101", "CRM-000102", "CRM-000103",
                    "CRM-000104", "CRM-000105");
        }

        clock.pass(Duration.ofMinutes(10));
        try (SandboxSystems sandbox = SandboxSystems.start(settings, clock)) {
            assertThat(numbers(sandbox.crm().openOrders())).hasSize(5).last().isEqualTo("CRM-000105");
            clock.pass(Duration.ofSeconds(15));
            assertThat(numbers(sandbox.crm().openOrders())).hasSize(6).last().isEqualTo("CRM-000106");
        }
    }

    @Test
    void aResetForgetsWhatWasKeptToo() {
        SandboxSettings settings = SandboxSettings.defaults().withStateDir(state);
        try (SandboxSystems sandbox = SandboxSystems.start(settings)) {
            SandboxHttp.erp(sandbox).key("so-1").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"));
            sandbox.portal().book("REF-1", "Ana Lima");
            sandbox.reset();
        }

        try (SandboxSystems sandbox = SandboxSystems.start(settings)) {
            assertThat(sandbox.erp().salesOrders()).isZero();
            assertThat(sandbox.portal().consignments()).isEmpty();
            assertThat(SandboxHttp.erp(sandbox).key("so-1").post("/api/sales-orders",
                    SandboxErpTests.salesOrder("C-1002", "SKU-RED-MUG")).text("id")).isEqualTo("SO-000001");
        }
    }

    @Test
    void withoutAStateDirectoryARestartStartsEmpty() {
        try (SandboxSystems sandbox = SandboxSystems.start(SandboxSettings.defaults())) {
            SandboxHttp.erp(sandbox).key("so-1").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"));
        }

        try (SandboxSystems sandbox = SandboxSystems.start(SandboxSettings.defaults())) {
            assertThat(sandbox.erp().salesOrders()).isZero();
        }
    }

    private static List<String> numbers(List<JsonNode> orders) {
        return orders.stream().map(order -> order.path("orderNumber").asText()).toList();
    }

    private static final class MovingClock extends Clock {

        private volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void pass(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
