package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The carrier is down long enough for twenty orders to run out of attempts; once it is back, one bulk
 * replay of that filtered set completes all twenty, each with one sales order, invoice and shipment.
 */
class BulkReplayIT extends FerryIntegrationTest {

    private static final String OPS_KEY = "ferry-sandbox-ops-key";

    @Test
    void aBulkReplayAfterTheCarrierRecoversCompletesEveryOrderOnce() {
        String batch = "BULK-" + System.nanoTime();
        StubMapping outage = sandbox.shipping().server().stubFor(WireMock.post(urlEqualTo("/api/shipments")).atPriority(1)
                .withRequestBody(containing(batch))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"unavailable\",\"message\":\"Carrier outage\"}")));

        List<String> ids = IntStream.range(0, 20).mapToObj(i -> {
            ObjectNode order = TestOrders.ordinary(batch + "-" + i);
            order.withObjectProperty("shipTo").put("street", batch + " Street " + i);
            return accept(order);
        }).toList();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().allMatch(id -> "FLAGGED".equals(order(id).path("status").asText())));

        sandbox.shipping().server().removeStub(outage);
        HttpResponse<String> replay = send(HttpRequest.newBuilder(uri("/api/exceptions/replay"))
                .header("Authorization", "Bearer " + OPS_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"category":"RETRIES_EXHAUSTED","step":"create-shipment","q":"%s"}""".formatted(batch)))
                .build());

        assertThat(replay.statusCode()).as(replay.body()).isEqualTo(202);
        assertThat(read(replay.body()).path("replayed").asInt()).isEqualTo(20);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> ids.stream().allMatch(id -> "COMPLETED".equals(order(id).path("status").asText())));
        for (String id : ids) {
            Downstream.assertFulfilledOnce(sandbox, id);
            JsonNode order = order(id);
            assertThat(journal(order, "create-sales-order")).extracting(e -> e.path("outcome").asText())
                    .containsExactly("OK", "SKIPPED");
        }
    }
}
