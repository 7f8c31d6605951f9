package dev.ferry.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import dev.ferry.sandbox.SandboxHttp.Answer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxSystemsTests {

    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();

    @Test
    void runsEachSystemOnItsOwnLoopbackPort() {
        assertThat(Arrays.stream(SandboxSystem.values()).map(running.systems()::system).map(SimulatedApi::port))
                .doesNotHaveDuplicates()
                .allMatch(port -> port > 0);
        assertThat(running.systems().baseUrl(SandboxSystem.ERP)).isEqualTo("http://localhost:" + running.systems().erp().port());
        assertThat(running.systems().portal().port()).isPositive()
                .isNotIn(Arrays.stream(SandboxSystem.values()).map(running.systems()::system).map(SimulatedApi::port).toList());
    }

    @Test
    void keepsARequestJournalForAssertions() {
        SandboxHttp.erp(running.systems()).key("k1")
                .post("/api/sales-orders", SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"));

        assertThat(running.systems().erp().server().findAll(postRequestedFor(urlEqualTo("/api/sales-orders"))))
                .singleElement()
                .satisfies(request -> assertThat(request.getHeader("Idempotency-Key")).isEqualTo("k1"));
    }

    @Test
    void keepsNoJournalWhenTurnedOffButStillKeepsRecordsAndCounts() {
        try (SandboxSystems sandbox = SandboxSystems.start(SandboxSettings.defaults().withRequestJournal(false))) {
            Answer created = SandboxHttp.erp(sandbox).key("k1")
                    .post("/api/sales-orders", SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"));

            assertThat(created.status()).isEqualTo(201);
            assertThat(sandbox.erp().salesOrders()).isEqualTo(1);
            assertThat(sandbox.stats().requests(SandboxSystem.ERP)).isEqualTo(1);
            assertThatThrownBy(() -> sandbox.erp().server().findAll(postRequestedFor(urlEqualTo("/api/sales-orders"))))
                    .isInstanceOf(RequestJournalDisabledException.class)
                    .hasMessageContaining("request journal is disabled");

            sandbox.reset();

            assertThat(sandbox.erp().salesOrders()).isZero();
            assertThat(sandbox.stats().requests(SandboxSystem.ERP)).isZero();
        }
    }

    @Test
    void answersAnUnknownEndpointWithJson() {
        Answer answer = SandboxHttp.accounting(running.systems()).get("/api/payments");

        assertThat(answer.body()).startsWith("{");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("error")).isEqualTo("not_found");
        assertThat(answer.text("message")).isEqualTo("The accounting system has no endpoint GET /api/payments.");
    }

    @Test
    void explainsABodyThatIsNotJson() {
        Answer answer = SandboxHttp.shipping(running.systems()).key("k1").post("/api/shipments", "{\"reference\":");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("invalid_json");
    }

    @Test
    void resetForgetsRecordsKeysAndJournal() {
        SandboxHttp erp = SandboxHttp.erp(running.systems());
        erp.key("k1").post("/api/sales-orders", SandboxErpTests.salesOrder("C-1001", "SKU-RED-MUG"));

        running.systems().reset();

        assertThat(running.systems().erp().salesOrders()).isZero();
        assertThat(running.systems().erp().server().getAllServeEvents()).isEmpty();
        Answer afterReset = erp.key("k1")
                .post("/api/sales-orders", SandboxErpTests.salesOrder("C-1002", "SKU-RED-MUG"));
        assertThat(afterReset.status()).isEqualTo(201);
        assertThat(afterReset.text("id")).isEqualTo("SO-000001");
    }

    @Test
    void namesTheSystemWhosePortIsTakenAndLeavesNothingRunning() throws IOException {
        int taken = running.systems().erp().port();
        int crmPort = SandboxPorts.freePorts(1).get(0);
        SandboxSettings clash = SandboxSettings.defaults()
                .withCrm(new SandboxSettings.Crm(crmPort, "t", Duration.ofSeconds(15), 4, 200))
                .withErp(new SandboxSettings.Erp(taken, "erp-sandbox-key"));

        assertThatThrownBy(() -> SandboxSystems.start(clash))
                .hasMessageContaining("sandbox ERP could not listen on 127.0.0.1:" + taken);
        try (ServerSocket crmPortAgain = new ServerSocket(crmPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(crmPortAgain.isBound()).isTrue();
        }
    }
}
