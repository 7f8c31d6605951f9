package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.sandbox.SandboxHttp.Answer;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Injected faults over HTTP: what each kind answers, and whether the request had its effect. */
class SandboxFaultsTests {

    private static final String ORDER = SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG");

    private static SandboxSystems faulting(double rate, FaultKind... kinds) {
        return SandboxSystems.start(SandboxSettings.defaults().withFaults(SandboxSettings.Faults.of(rate, 42, kinds)));
    }

    @Test
    void answers503BeforeTheRequestHasAnyEffect() {
        try (SandboxSystems sandbox = faulting(1, FaultKind.UNAVAILABLE)) {
            Answer answer = SandboxHttp.erp(sandbox).key("k1").post("/api/sales-orders", ORDER);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.header("Content-Type")).isEqualTo("application/json");
            assertThat(answer.text("error")).isEqualTo("unavailable");
            assertThat(answer.text("message")).isEqualTo("The ERP is temporarily unavailable; try again later.");
            assertThat(sandbox.erp().salesOrders()).isZero();
            assertThat(sandbox.stats().faults(FaultKind.UNAVAILABLE)).isEqualTo(1);
        }
    }

    @Test
    void answers429WithRetryAfterOneSecondBeforeTheRequestHasAnyEffect() {
        try (SandboxSystems sandbox = faulting(1, FaultKind.TOO_MANY_REQUESTS)) {
            Answer answer = SandboxHttp.shipping(sandbox).key("k1").post("/api/shipments",
                    SandboxShippingTests.shipment("C-1001", "standard", "1100-048"));

            assertThat(answer.status()).isEqualTo(429);
            assertThat(answer.header("Retry-After")).isEqualTo("1");
            assertThat(answer.text("error")).isEqualTo("rate_limited");
            assertThat(answer.text("message")).isEqualTo("Too many requests; retry after 1 second.");
            assertThat(sandbox.shipping().shipments()).isZero();
            assertThat(sandbox.stats().faults(FaultKind.TOO_MANY_REQUESTS)).isEqualTo(1);
        }
    }

    @Test
    void resetsTheConnectionAfterTheRecordIsCreated() {
        try (SandboxSystems sandbox = faulting(1, FaultKind.RESET)) {
            SandboxHttp erp = SandboxHttp.erp(sandbox).key("k1");

            assertThatThrownBy(() -> erp.post("/api/sales-orders", ORDER)).hasCauseInstanceOf(IOException.class);
            assertThat(sandbox.erp().salesOrderRecords()).singleElement()
                    .satisfies(order -> assertThat(order.path("id").asText()).isEqualTo("SO-000001"));
            assertThat(sandbox.stats().faults(FaultKind.RESET)).isEqualTo(1);
        }
    }

    @Test
    void aRetryWithTheSameKeyAfterAResetGetsTheRecordTheLostAnswerHeld() {
        try (SandboxSystems sandbox = faulting(0.5, FaultKind.RESET)) {
            SandboxHttp erp = SandboxHttp.erp(sandbox);
            int created = 0;
            String lost = null;
            // new orders until one's answer is lost; each of them, reset or not, is stored
            while (lost == null && created < 20) {
                created++;
                try {
                    erp.key("k" + created).post("/api/sales-orders", ORDER);
                } catch (IllegalStateException reset) {
                    assertThat(reset).hasCauseInstanceOf(IOException.class);
                    lost = "k" + created;
                }
            }
            assertThat(lost).as("at rate 0.5 one of 20 answers is lost").isNotNull();

            // what Ferry's retries do: the same request under the same key until an answer arrives
            Answer answer = null;
            for (int attempt = 1; answer == null && attempt <= 20; attempt++) {
                try {
                    answer = erp.key(lost).post("/api/sales-orders", ORDER);
                } catch (IllegalStateException resetAgain) {
                    assertThat(resetAgain).hasCauseInstanceOf(IOException.class);
                }
            }

            assertThat(answer).isNotNull();
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.text("id")).isEqualTo("SO-%06d".formatted(created));
            assertThat(sandbox.erp().salesOrders()).isEqualTo(created);
        }
    }

    @Test
    void leavesAWrongKeyAndAnUnknownEndpointUnfaulted() {
        try (SandboxSystems sandbox = faulting(1, FaultKind.UNAVAILABLE)) {
            SandboxHttp erp = SandboxHttp.erp(sandbox);

            assertThat(erp.header("X-API-Key", "guess").get("/api/sales-orders").status()).isEqualTo(401);
            assertThat(erp.get("/api/payments").status()).isEqualTo(404);
            assertThat(sandbox.stats().faults(FaultKind.UNAVAILABLE)).isZero();
            assertThat(sandbox.stats().requests(SandboxSystem.ERP)).isEqualTo(2);
        }
    }

    @Test
    void injectsNothingByDefault() {
        try (SandboxSystems sandbox = SandboxSystems.start(SandboxSettings.defaults())) {
            SandboxHttp erp = SandboxHttp.erp(sandbox);

            for (int i = 0; i < 50; i++) {
                assertThat(erp.key("k" + i).post("/api/sales-orders", ORDER).status()).isEqualTo(201);
            }
            assertThat(FaultKind.values()).allSatisfy(kind -> assertThat(sandbox.stats().faults(kind)).isZero());
        }
    }
}
