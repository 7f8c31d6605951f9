package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * No order waits for another: not for one waiting for its next attempt, not for a bot run however long it takes.
 * The slow bot is a freight booking whose portal page hangs until the test lets it go; meanwhile ordinary orders
 * complete and a retry runs when it said it would (from the journal's own timestamps, not the test's clock).
 */
class RetryWithoutBlockingIT extends FerryIntegrationTest {

    private static final Pattern ANNOUNCED = Pattern.compile("trying again in (\\d+\\.\\d) s");

    @Value("${ferry.fulfilment.consumers}")
    int orderConsumers;

    @Value("${ferry.rpa.workers}")
    int browserWorkers;

    // a dynamic property outranks the shared context's 50 ms (inlined test properties do not)
    @DynamicPropertySource
    static void slowShippingRetriesAndPatientBots(DynamicPropertyRegistry registry) {
        // shipping down for C-DOWN: attempts 3 s, 6 s, 6 s, ... apart, for two minutes
        registry.add("ferry.connectors.shipping.retry.initial-delay", () -> "3s");
        registry.add("ferry.connectors.shipping.retry.max-delay", () -> "6s");
        registry.add("ferry.connectors.shipping.retry.max-attempts", () -> "20");
        // a hung portal page keeps its bot run going until the test releases it, not for a step timeout only
        registry.add("ferry.rpa.step-timeout", () -> "5m");
        registry.add("ferry.rpa.run-timeout", () -> "10m");
    }

    @BeforeEach
    void calmPortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
    }

    @AfterEach
    void releaseHungPages() {
        sandbox.portal().hazards().releaseHung();
    }

    @Test
    void ordinaryOrdersCompleteWhileABotRunIsBusy() {
        sandbox.portal().hazards().hangNextRequests(1);
        String freight = accept(TestOrders.withService("SLOW-BOT", "freight"));
        await().atMost(Duration.ofSeconds(120)).until(() -> sandbox.portal().hazards().hanging() == 1);

        List<String> ordinary = IntStream.range(0, 20).mapToObj(i -> accept(TestOrders.ordinary("SLOW-BOT-" + i))).toList();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(ordinary).extracting(id -> order(id).path("status").asText())
                        .as("the twenty ordinary orders, while the bot run is busy").containsOnly("COMPLETED"));

        // the bot is still on its hung page: all twenty went past it
        assertThat(sandbox.portal().hazards().hanging()).isEqualTo(1);
        assertThat(order(freight).path("status").asText()).isEqualTo("IN_PROGRESS");
        sandbox.portal().hazards().releaseHung();
        assertThat(awaitStatus(freight, "COMPLETED").path("refs").path("trackingNumber").asText()).startsWith("NF-");
    }

    @Test
    void aRetryRunsWhenAnnouncedWhileBotRunsKeepEveryBrowserBusy() {
        String down = accept(TestOrders.forCustomer("ON-TIME-DOWN", "C-DOWN"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(journal(order(down), "create-shipment")).as("the first attempt at create-shipment").isNotEmpty());

        // then as many bot orders as a node has order consumers: none of them may take a consumer from the retries
        sandbox.portal().hazards().hangNextRequests(orderConsumers);
        List<String> freight = IntStream.range(0, orderConsumers)
                .mapToObj(i -> accept(TestOrders.withService("BUSY-BOTS-" + i, "freight"))).toList();
        await().atMost(Duration.ofSeconds(120)).until(() -> sandbox.portal().hazards().hanging() == browserWorkers);
        int before = journal(order(down), "create-shipment").size();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(journal(order(down), "create-shipment")).as("attempts at create-shipment while the bots are busy")
                        .hasSizeGreaterThanOrEqualTo(before + 2));

        List<JsonNode> attempts = journal(order(down), "create-shipment");
        for (int i = 0; i + 1 < attempts.size(); i++) {
            JsonNode retry = attempts.get(i);
            assertThat(retry.path("outcome").asText()).isEqualTo("RETRY");
            Duration announced = announcedDelay(retry.path("detail").asText());
            Duration took = Duration.between(at(retry), at(attempts.get(i + 1)));
            assertThat(took).as("attempt %d, announced %s: %s", i + 2, announced, attempts)
                    .isLessThanOrEqualTo(announced.plusSeconds(1));
        }
        // and the bots are still busy on their hung pages
        assertThat(sandbox.portal().hazards().hanging()).isEqualTo(browserWorkers);
        assertThat(freight).allMatch(id -> "IN_PROGRESS".equals(order(id).path("status").asText()));

        sandbox.portal().hazards().releaseHung();
        freight.forEach(id -> awaitStatus(id, "COMPLETED"));
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

    private static Duration announcedDelay(String detail) {
        Matcher matcher = ANNOUNCED.matcher(detail);
        assertThat(matcher.find()).as(detail).isTrue();
        return Duration.ofMillis(Math.round(Double.parseDouble(matcher.group(1)) * 1000));
    }

    private static Instant at(JsonNode entry) {
        return Instant.parse(entry.path("at").asText());
    }
}
