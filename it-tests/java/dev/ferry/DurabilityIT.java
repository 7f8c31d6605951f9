package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.SandboxSystems;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order that got 202 survives the process being killed: Ferry runs as its own JVM (target/ferry.jar)
 * against sandbox systems in this JVM, accepts orders with its consumer stopped, is killed with
 * SIGKILL, and on restart over the same data directory completes every order exactly once.
 */
class DurabilityIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int ORDERS = 20;

    private SandboxSystems sandbox;
    private Path dataDir;
    private Process ferry;
    private int port;

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxSystems.start(SandboxSettings.defaults());
        dataDir = Files.createTempDirectory("ferry-durability-");
        port = freePort();
    }

    @AfterEach
    void stop() {
        if (ferry != null) {
            ferry.destroyForcibly();
        }
        sandbox.close();
    }

    @Test
    void acceptedOrdersSurviveAKillAndCompleteExactlyOnce() throws Exception {
        ferry = launch(false, "first");
        List<String> ids = new ArrayList<>();
        IntStream.range(0, ORDERS).forEach(i -> ids.add(accept(TestOrders.ordinary("DURABLE-" + i))));
        assertThat(sandbox.erp().salesOrders()).isZero();

        ferry.destroyForcibly();
        assertThat(ferry.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ferry.exitValue()).isEqualTo(137);

        ferry = launch(true, "second");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().allMatch(id -> "COMPLETED".equals(order(id).path("status").asText())));

        for (String id : ids) {
            Downstream.assertFulfilledOnce(sandbox, id);
        }
        assertThat(sandbox.erp().salesOrders()).isEqualTo(ORDERS);
    }

    private Process launch(boolean consume, String name) throws IOException {
        Path jar = Path.of("target", "ferry.jar").toAbsolutePath();
        assertThat(jar).as("run the ITs with ./mvnw verify, which builds target/ferry.jar first").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar", jar.toString(),
                "--server.port=" + port,
                "--ferry.data-dir=" + dataDir,
                "--ferry.sandbox.enabled=false",
                "--ferry.fulfilment.auto-start=" + consume,
                "--ferry.retry.initial-delay=50ms",
                "--ferry.schedules.crm-order-pull.cron=0 0 0 1 1 ? 2099"));
        for (String system : List.of("crm", "erp", "accounting", "shipping")) {
            command.add("--ferry.connectors." + system + ".base-url=" + sandbox.system(
                    dev.ferry.sandbox.SandboxSystem.valueOf(system.toUpperCase())).baseUrl());
        }
        Path log = Path.of("target", "durability-" + name + ".log");
        Process process = new ProcessBuilder(command)
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250))
                    .failFast("Ferry exited; see " + log, () -> !process.isAlive())
                    .ignoreExceptions()
                    .until(() -> get("/actuator/health").statusCode() == 200);
        } catch (RuntimeException notStarted) {
            process.destroyForcibly(); // a Ferry that never became healthy must not outlive the test
            throw notStarted;
        }
        return process;
    }

    private String accept(JsonNode order) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders"))
                    .header("Authorization", "Bearer ferry-sandbox-key")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(order.toString())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            return JSON.readTree(response.body()).path("orderId").asText();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode order(String id) {
        try {
            return JSON.readTree(get("/api/orders/" + id).body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer ferry-sandbox-key").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
