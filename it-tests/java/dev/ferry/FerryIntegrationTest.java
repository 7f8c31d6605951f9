package dev.ferry;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.sandbox.SandboxSystems;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application in the sandbox profile: embedded Artemis and H2 in a fresh data directory,
 * the simulated systems on free ports. Classes that add no properties of their own share one context: every IT
 * runs in one JVM, and {@link ContextOrder} runs the classes of one context one after another.
 * The CRM trickle, the scheduled pull and the nightly reconciliation are off here, so every order and inbox
 * item a test sees is its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ferry.sandbox.crm.trickle-initial=0",
        "ferry.sandbox.crm.trickle-max=0",
        // a tracking-sync run would read the portal and write to the CRM in the middle of other tests
        "ferry.schedules.tracking-sync.cron=0 0 0 1 1 ? 2099",
        "ferry.retry.initial-delay=50ms",
        "ferry.retry.max-delay=400ms",
        "ferry.connectors.shipping.retry.initial-delay=50ms",
        "ferry.connectors.erp.read-timeout=2s",
        "ferry.fulfilment.stall-check-every=1s",
        "ferry.schedules.crm-order-pull.cron=0 0 0 1 1 ? 2099",
        "ferry.schedules.nightly-reconciliation.cron=0 0 0 1 1 ? 2099",
        // canaries: SecretCanaryIT looks for them everywhere Ferry writes (the bots get them through ferry.rpa.secrets)
        "ferry.sandbox.portal.username=" + FerryIntegrationTest.PORTAL_USERNAME,
        "ferry.sandbox.portal.password=" + FerryIntegrationTest.PORTAL_PASSWORD
})
// one after another, in ContextOrder's order; the ITs that start Ferry as a process run beside them (app.pom.xml)
@Execution(ExecutionMode.SAME_THREAD)
abstract class FerryIntegrationTest {

    static final String INTAKE_KEY = "ferry-sandbox-key";
    /**
     * The sandbox portal's user name in the tests, which the portal shows on every page after login: characters
     * that HTML, JSON and URLs each write differently, and letters beyond ASCII.
     */
    static final String PORTAL_USERNAME = "Q7x-Ø'Brï & \"Sons\" <ops> 100% +x";
    /** The sandbox portal's password in the tests, typed into a password field: odd characters too. */
    static final String PORTAL_PASSWORD = "canary-Q7v!pw&9<x> \"Ünï\" 5%+y'z";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    SandboxSystems sandbox;

    // called only when a new context is built, so each context gets its own broker journal and database; the
    // directory is made here, once: the supplier is asked again at every lookup of the property
    @DynamicPropertySource
    static void dataDirectory(DynamicPropertyRegistry registry) {
        String dataDir;
        try {
            dataDir = Files.createTempDirectory("ferry-it-").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        registry.add("ferry.data-dir", () -> dataDir);
        // Quartz knows its schedulers by name across the JVM, and the cache closes a context only after the next
        // one has started: for that moment two Ferry contexts live side by side
        String schedulerName = "ferry-" + Path.of(dataDir).getFileName();
        registry.add("spring.quartz.scheduler-name", () -> schedulerName);
    }

    HttpResponse<String> post(JsonNode order) {
        return post(order.toString(), "application/json", INTAKE_KEY, null);
    }

    HttpResponse<String> post(String body, String contentType, String key, String idempotencyKey) {
        var request = HttpRequest.newBuilder(uri("/api/orders")).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request.build());
    }

    String accept(ObjectNode order) {
        HttpResponse<String> response = post(order);
        if (response.statusCode() != 202) {
            throw new AssertionError("Expected 202 for " + order + " but got " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).path("orderId").asText();
    }

    JsonNode order(String orderId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/orders/" + orderId))
                .header("Authorization", "Bearer " + INTAKE_KEY).GET().build());
        return read(response.body());
    }

    JsonNode awaitStatus(String orderId, String status) {
        // generous: the first bot run of a context starts Chromium, slow on a busy 2-core machine
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> order(orderId).path("status").asText(), status::equals);
        return order(orderId);
    }

    /** The journal entries of one step, in order. */
    static List<JsonNode> journal(JsonNode order, String step) {
        List<JsonNode> entries = new ArrayList<>();
        order.path("journal").forEach(entry -> {
            if (step.equals(entry.path("step").asText())) {
                entries.add(entry);
            }
        });
        return entries;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path projectDir() {
        return Path.of("").toAbsolutePath();
    }
}
