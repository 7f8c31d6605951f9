package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The lists by day, over records created on either side of midnight UTC (kept per day, not filtered per call). */
class RecordBookTests {

    @Test
    void listsEachUtcDaysRecordsInPagesAndAllOfThemWithoutADate() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-27T23:59:00Z"));
        try (SandboxSystems sandbox = SandboxSystems.start(SandboxSettings.defaults(), clock)) {
            SandboxHttp erp = SandboxHttp.erp(sandbox);
            erp.key("k1").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"));
            clock.pass(Duration.ofMinutes(2));
            erp.key("k2").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1002", "SKU-RED-MUG"));
            erp.key("k3").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1003", "SKU-RED-MUG"));

            JsonNode firstDay = erp.get("/api/sales-orders?date=2026-11-27").json();
            JsonNode secondDayPage2 = erp.get("/api/sales-orders?date=2026-11-28&size=1&page=2").json();
            JsonNode all = erp.get("/api/sales-orders").json();

            assertThat(ids(firstDay)).containsExactly("SO-000001");
            assertThat(ids(secondDayPage2)).containsExactly("SO-000003");
            assertThat(secondDayPage2.path("totalItems").asInt()).isEqualTo(2);
            assertThat(secondDayPage2.has("nextPage")).isFalse();
            assertThat(ids(all)).containsExactly("SO-000001", "SO-000002", "SO-000003");
            assertThat(all.at("/salesOrders/1/createdAt").asText()).isEqualTo("2026-11-28T00:01:00Z");
            assertThat(ids(erp.get("/api/sales-orders?date=2026-11-29").json())).isEmpty();
        }
    }

    @Test
    void answersAGetWithTheSameTextAsTheCreate() {
        try (SandboxSystems sandbox = SandboxSystems.start(SandboxSettings.defaults())) {
            SandboxHttp erp = SandboxHttp.erp(sandbox);
            String created = erp.key("k1").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"))
                    .body();

            assertThat(erp.get("/api/sales-orders/SO-000001").body()).isEqualTo(created);
            assertThat(erp.get("/api/sales-orders").json().at("/salesOrders/0").toString()).isEqualTo(created);
            assertThat(sandbox.erp().salesOrderRecords()).singleElement()
                    .satisfies(record -> assertThat(record.toString()).isEqualTo(created));
        }
    }

    private static List<String> ids(JsonNode page) {
        return StreamSupport.stream(page.path("salesOrders").spliterator(), false)
                .map(order -> order.path("id").asText()).toList();
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
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
            throw new UnsupportedOperationException("the sandbox reads UTC only");
        }
    }
}
