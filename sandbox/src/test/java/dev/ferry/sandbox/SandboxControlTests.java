package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The control port of a sandbox-only process, as a benchmark or a test in another process reads it. */
class SandboxControlTests {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SandboxSystems sandbox;
    private SandboxControl control;

    @BeforeEach
    void start() {
        // every fourth request meets a fault: enough of each kind in a few calls, with the seed fixing which
        sandbox = SandboxSystems.start(SandboxSettings.defaults().withFaults(SandboxSettings.Faults.of(0.25, 42,
                FaultKind.UNAVAILABLE, FaultKind.TOO_MANY_REQUESTS)));
        control = SandboxControl.start(sandbox, 0);
    }

    @AfterEach
    void stop() {
        control.stop();
        sandbox.close();
    }

    @Test
    void countsRequestsPerSystemAndFaultsPerKind() throws Exception {
        for (int i = 0; i < 40; i++) {
            SandboxHttp.crm(sandbox).get("/api/customers/C-1001");
        }
        SandboxHttp.erp(sandbox).get("/api/sales-orders");
        SandboxHttp.accounting(sandbox).get("/api/invoices");
        SandboxHttp.accounting(sandbox).get("/api/invoices");

        JsonNode stats = get("/stats");

        assertThat(stats.path("requests").toString())
                .isEqualTo("{\"crm\":40,\"erp\":1,\"accounting\":2,\"shipping\":0}");
        assertThat(stats.path("faults").fieldNames()).toIterable().containsExactly("503", "429", "reset");
        assertThat(stats.at("/faults/503").asLong()).isPositive().isEqualTo(sandbox.stats().faults(FaultKind.UNAVAILABLE));
        assertThat(stats.at("/faults/429").asLong()).isPositive()
                .isEqualTo(sandbox.stats().faults(FaultKind.TOO_MANY_REQUESTS));
        assertThat(stats.at("/faults/reset").asLong()).isZero();
    }

    @Test
    void zeroesTheStatsAndRestartsTheFaultSequenceOnReset() throws Exception {
        SandboxHttp crm = SandboxHttp.crm(sandbox);
        String firstRun = statuses(crm);
        assertThat(firstRun).contains("200").containsPattern("503|429");

        post("/reset");

        assertThat(get("/stats").path("requests").path("crm").asLong()).isZero();
        assertThat(get("/stats").path("faults").path("503").asLong()).isZero();
        assertThat(statuses(crm)).as("the same faults again after a reset").isEqualTo(firstRun);
    }

    private static String statuses(SandboxHttp crm) {
        StringBuilder statuses = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            statuses.append(crm.get("/api/customers/C-1001").status()).append(' ');
        }
        return statuses.toString();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }

    private void post(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + control.port() + path);
    }
}
