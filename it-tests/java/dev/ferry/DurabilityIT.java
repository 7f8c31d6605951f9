package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.sandbox.SandboxSettings;
import dev.ferry.sandbox.SandboxSystems;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

    private static final int ORDERS = 20;

    private SandboxSystems sandbox;
    private FerryProcess.Options options;
    private final List<FerryProcess> launched = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        sandbox = SandboxSystems.start(SandboxSettings.defaults());
        options = FerryProcess.options()
                .dataDir(Files.createTempDirectory("ferry-durability-"))
                .systemsOf(sandbox)
                .arg("ferry.retry.initial-delay", "50ms");
    }

    @AfterEach
    void stop() {
        launched.forEach(FerryProcess::close);
        sandbox.close();
    }

    @Test
    void acceptedOrdersSurviveAKillAndCompleteExactlyOnce() {
        FerryProcess first = launch("durability-first", false);
        List<String> ids = new ArrayList<>();
        IntStream.range(0, ORDERS).forEach(i -> ids.add(first.accept(TestOrders.ordinary("DURABLE-" + i))));
        assertThat(sandbox.erp().salesOrders()).isZero();

        first.kill();
        assertThat(first.exitValue()).as("exit code of a SIGKILL").isEqualTo(137);

        FerryProcess second = launch("durability-second", true);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().allMatch(id -> "COMPLETED".equals(second.order(id).path("status").asText())));

        for (String id : ids) {
            Downstream.assertFulfilledOnce(sandbox, id);
        }
        assertThat(sandbox.erp().salesOrders()).isEqualTo(ORDERS);
    }

    private FerryProcess launch(String name, boolean consume) {
        FerryProcess ferry = options.arg("ferry.fulfilment.auto-start", consume).start(name);
        launched.add(ferry);
        return ferry;
    }
}
