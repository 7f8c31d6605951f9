package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An order waiting for its next attempt holds no consumer: while shipping keeps failing for one
 * order (retries 3 s, 6 s, 12 s, 24 s apart here), a hundred ordinary orders flow past it.
 */
class RetryWithoutBlockingIT extends FerryIntegrationTest {

    // a dynamic property outranks the shared context's 50 ms (inlined test properties do not)
    @DynamicPropertySource
    static void slowShippingRetries(DynamicPropertyRegistry registry) {
        registry.add("ferry.connectors.shipping.retry.initial-delay", () -> "3s");
        registry.add("ferry.connectors.shipping.retry.max-delay", () -> "60s");
    }

    @Test
    void ordinaryOrdersCompleteWhileAnotherWaitsForItsRetries() {
        String down = accept(TestOrders.forCustomer("BLOCK-DOWN", "C-DOWN"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> journal(order(down), "create-shipment").stream()
                        .anyMatch(e -> "RETRY".equals(e.path("outcome").asText())));

        List<String> ordinary = IntStream.range(0, 100).mapToObj(i -> accept(TestOrders.ordinary("BLOCK-" + i))).toList();
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                .until(() -> ordinary.stream().allMatch(id -> "COMPLETED".equals(order(id).path("status").asText())));

        // the failing order is still between attempts, not done and not holding anyone up
        assertThat(order(down).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(journal(order(down), "create-shipment")).extracting(e -> e.path("outcome").asText())
                .containsOnly("RETRY");
    }
}
