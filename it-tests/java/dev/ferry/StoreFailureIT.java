package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The disk under the data directory refuses writes for a while ({@code chattr -R +i}), as a full or failing
 * disk or a volume remounted read-only does: Ferry says so within seconds (readiness and liveness DOWN,
 * intake 503 with Retry-After), and once the disk takes writes again it is UP and takes orders without a
 * restart, and every order accepted before the failure completes exactly once. A data directory that cannot
 * be written at start stops Ferry at once, with one line.
 */
// the consumer is started by the test, so the orders accepted before the failure are still queued when it hits
@TestPropertySource(properties = "ferry.fulfilment.auto-start=false")
class StoreFailureIT extends FerryIntegrationTest {

    private static final String OPS_KEY = "ferry-sandbox-ops-key";
    private static final int ORDERS = 10;

    @Value("${ferry.data-dir}")
    String dataDirectory;

    private Path dataDir;

    @Autowired
    CamelContext camel;

    private final List<Path> immutable = new ArrayList<>();

    // the simulated systems keep their records outside the data directory: they stand for systems elsewhere
    @DynamicPropertySource
    static void sandboxState(DynamicPropertyRegistry registry) {
        try {
            String state = Files.createTempDirectory("ferry-store-failure-sandbox-").toString();
            registry.add("ferry.sandbox.state-dir", () -> state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void writable() {
        // always: an immutable directory can never be deleted, not even by root
        immutable.forEach(Immutable::clear);
    }

    @Test
    void aDiskThatRefusesWritesIsReportedAndFerryRecoversOnceItTakesThemAgain() throws Exception {
        dataDir = Path.of(dataDirectory);
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            accepted.add(accept(TestOrders.ordinary("STORE-BEFORE-" + i)));
        }
        assertThat(probe("/actuator/health/readiness").statusCode()).isEqualTo(200);

        immutable.add(dataDir);
        Immutable.set(dataDir);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(probe("/actuator/health/readiness").statusCode()).isEqualTo(503);
            assertThat(probe("/actuator/health/liveness").statusCode()).isEqualTo(503);
        });
        JsonNode readiness = read(probe("/actuator/health/readiness").body());
        assertThat(readiness.path("components").path("store").path("status").asText()).as(readiness.toString())
                .isEqualTo("DOWN");
        HttpResponse<String> refused = post(TestOrders.ordinary("STORE-DURING"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.headers().firstValueAsLong("Retry-After").orElse(0)).as("Retry-After").isPositive();
        assertThat(read(refused.body()).path("type").asText()).isEqualTo("https://ferry.dev/problems/store-unavailable");

        // the consumers start while nothing can be written: what they take must come back, not be lost
        camel.getRouteController().startRoute("order-fulfilment");
        // a consumer claims an order, and the write fails: H2 closes its file store, for good on its own
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            JsonNode components = read(probe("/actuator/health/readiness").body()).path("components");
            assertThat(components.path("db").path("status").asText()).as(components.toString()).isEqualTo("DOWN");
        });
        Immutable.clear(dataDir);
        immutable.remove(dataDir);

        // one window of 30 s from the moment the disk takes writes again: UP, and intake takes an order
        String after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
            if (probe("/actuator/health/readiness").statusCode() != 200
                    || probe("/actuator/health/liveness").statusCode() != 200) {
                return null;
            }
            HttpResponse<String> taken = post(TestOrders.ordinary("STORE-AFTER"));
            return taken.statusCode() == 202 ? read(taken.body()).path("orderId").asText() : null;
        }, id -> id != null);
        accepted.add(after);
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(accepted).allSatisfy(id -> assertThat(order(id).path("status").asText()).as(id)
                        .isEqualTo("COMPLETED")));
        for (String id : accepted) {
            Downstream.assertFulfilledOnce(sandbox, id);
        }
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenAtStartStopsFerryAtOnceWithOneLine() throws IOException {
        Path dir = Files.createDirectories(Files.createTempDirectory("ferry-read-only-").resolve("data").resolve("db"))
                .getParent();
        immutable.add(dir);
        Immutable.set(dir);

        try (FerryProcess ferry = FerryProcess.options().dataDir(dir).systemsOf(sandbox).launch("store-read-only-start")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !ferry.isAlive());

            assertThat(ferry.exitValue()).as("exit code; see " + ferry.log()).isEqualTo(2);
            List<String> lines = Files.readAllLines(ferry.log()).stream().filter(line -> !line.isBlank()).toList();
            assertThat(lines).as(ferry.log().toString()).hasSize(1);
            assertThat(lines.get(0)).startsWith("Ferry cannot start: ").contains(dir.toString())
                    .contains("FERRY_DATA_DIR");
        }
    }

    private HttpResponse<String> probe(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + OPS_KEY).GET().build());
    }
}
