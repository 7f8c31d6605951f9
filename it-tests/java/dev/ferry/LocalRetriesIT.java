package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.SandboxSystems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A retry waits in its node's memory, the order still claimed by the node: nothing of it is in the broker. These
 * tests end the node while such a retry waits, two minutes away, and show that the order is not lost and not left
 * waiting for its claim to run out: killed, the node's next start takes it up; stopped, the node gives it up and
 * another node takes it. Either way the order completes well before its retry was due, and reaches each system once.
 */
class LocalRetriesIT {

    private static final Pattern ANNOUNCED = Pattern.compile("trying again in (\\d+\\.\\d) s");

    private SandboxSystems sandbox;
    private Path dataDir;
    private final List<FerryProcess> launched = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxSystems.start(SandboxSettings.defaults());
        dataDir = Files.createTempDirectory("ferry-local-retries-");
    }

    @AfterEach
    void stop() {
        launched.forEach(FerryProcess::close);
        sandbox.close();
    }

    @Test
    void aNodeKilledWhileARetryWaitsTakesTheOrderUpWhenItStartsAgain() {
        FerryProcess first = launch("local-retries-killed", "node-a", "2m");
        // the ERP answers 503 to the first two attempts of each Idempotency-Key (docs/sandbox.md)
        String id = first.accept(TestOrders.forCustomer("LOCAL-KILL", "C-FLAKY"));
        JsonNode retry = awaitRetry(first, id);

        first.kill();
        FerryProcess second = launch("local-retries-restarted", "node-a", "50ms");
        awaitCompletedBeforeDue(second, id, retry);
        Downstream.assertFulfilledOnce(sandbox, id);
    }

    @Test
    void aNodeStoppedWhileARetryWaitsGivesTheOrderToAnother() {
        FerryProcess first = launch("local-retries-stopped", "node-a", "2m");
        String id = first.accept(TestOrders.forCustomer("LOCAL-STOP", "C-FLAKY"));
        JsonNode retry = awaitRetry(first, id);

        first.terminate();
        // another node: its start releases only its own claims, so only node-a's giving the order up frees it
        FerryProcess other = launch("local-retries-other", "node-b", "50ms");
        awaitCompletedBeforeDue(other, id, retry);
        Downstream.assertFulfilledOnce(sandbox, id);
    }

    private FerryProcess launch(String name, String nodeId, String erpRetryDelay) {
        FerryProcess ferry = FerryProcess.options()
                .dataDir(dataDir)
                .systemsOf(sandbox)
                .arg("ferry.node-id", nodeId)
                .arg("ferry.intake.republish-every", "1s")
                .arg("ferry.connectors.erp.retry.initial-delay", erpRetryDelay)
                .arg("ferry.connectors.erp.retry.max-delay", "2m")
                .arg("ferry.connectors.erp.retry.jitter", "0")
                .arg("ferry.fulfilment.local-retry-max", "10m")
                .start(name);
        launched.add(ferry);
        return ferry;
    }

    /** The RETRY entry of the first failed attempt at create-sales-order, once it is on disk. */
    private static JsonNode awaitRetry(FerryProcess ferry, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> entries(ferry.order(id), "create-sales-order").stream()
                        .anyMatch(e -> "RETRY".equals(e.path("outcome").asText())));
        JsonNode order = ferry.order(id);
        assertThat(order.path("status").asText()).isEqualTo("IN_PROGRESS");
        return entries(order, "create-sales-order").get(0);
    }

    /** COMPLETED, and by the journal's own clock well before the retry the first node announced was due. */
    private static void awaitCompletedBeforeDue(FerryProcess ferry, String id, JsonNode retry) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> "COMPLETED".equals(ferry.order(id).path("status").asText()));
        Instant due = Instant.parse(retry.path("at").asText()).plus(announced(retry.path("detail").asText()));
        List<JsonNode> attempts = entries(ferry.order(id), "create-sales-order");
        JsonNode done = attempts.get(attempts.size() - 1);
        assertThat(done.path("outcome").asText()).as("create-sales-order: %s", attempts).isEqualTo("OK");
        assertThat(Instant.parse(done.path("at").asText())).as("done, against the retry due at %s", due)
                .isBefore(due);
    }

    private static Duration announced(String detail) {
        Matcher matcher = ANNOUNCED.matcher(detail);
        assertThat(matcher.find()).as(detail).isTrue();
        return Duration.ofMillis(Math.round(Double.parseDouble(matcher.group(1)) * 1000));
    }

    private static List<JsonNode> entries(JsonNode order, String step) {
        return StreamSupport.stream(order.path("journal").spliterator(), false)
                .filter(e -> step.equals(e.path("step").asText()))
                .toList();
    }
}
