package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.portal.Consignment;
import dev.ferry.sandbox.portal.ShipmentStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Java page-object bot {@code shipment-statuses} (dev.ferry.bots.nordicfreight) reads the portal's
 * paginated shipment-status table through {@code rpa:} and the bots API, as the YAML bots do.
 */
class ShipmentStatusBotIT extends FerryIntegrationTest {

    @Autowired
    ProducerTemplate camel;

    @BeforeEach
    void seedTwoPagesAndMore() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
        IntStream.rangeClosed(1, 12).forEach(i -> sandbox.portal().book("STATUS" + i, "Status Reader " + i));
    }

    @Test
    void readsEveryPageOfTheStatusTableThroughTheRpaEndpoint() throws Exception {
        // some consignments move on: statuses come from the portal clock, so the table is not all BOOKED
        sandbox.portal().passTime(Duration.ofMinutes(6));
        sandbox.portal().book("STATUSLATE", "Late Reader");
        List<Consignment> booked = sandbox.portal().consignments();
        // the portal's clock runs on while the bot reads: a consignment booked by an earlier test in this context
        // may move on to its next status meanwhile, and the bot may have read either
        Map<String, String> shownBefore = statuses(booked);

        JsonNode output = JSON.readTree(camel.requestBody("rpa:shipment-statuses", "", String.class));

        Map<String, String> read = new HashMap<>();
        output.path("shipments").forEach(row -> read.put(row.path("consignmentNumber").asText(),
                row.path("status").asText()));
        Map<String, String> shownAfter = statuses(booked);
        assertThat(read.keySet()).isEqualTo(shownAfter.keySet());
        read.forEach((number, status) -> assertThat(status).as(number)
                .isIn(shownBefore.get(number), shownAfter.get(number)));
        assertThat(read.values()).contains(ShipmentStatus.BOOKED.name(), ShipmentStatus.PICKED_UP.name());
        assertThat(output.path("pages").asInt()).isEqualTo((booked.size() + 9) / 10).isGreaterThanOrEqualTo(2);
        JsonNode late = output.path("shipments").findParents("reference").stream()
                .filter(row -> row.path("reference").asText().equals("STATUSLATE")).findFirst().orElseThrow();
        assertThat(late.path("lastUpdate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z");
        assertThat(output.path("botRunId").asText()).hasSize(36);
    }

    private Map<String, String> statuses(List<Consignment> consignments) {
        Map<String, String> shown = new HashMap<>();
        consignments.forEach(c -> shown.put(c.number(), sandbox.portal().status(c.number()).orElseThrow().name()));
        return shown;
    }

    @Test
    void isListedAndRunsThroughTheApiWithARunRecord() {
        JsonNode bots = read(ops(HttpRequest.newBuilder(uri("/api/bots")).GET()).body());
        JsonNode listed = bots.path("items").findParents("name").stream()
                .filter(bot -> bot.path("name").asText().equals("shipment-statuses")).findFirst().orElseThrow();
        assertThat(listed.path("system").asText()).isEqualTo("freight-portal");
        assertThat(listed.hasNonNull("problem")).as(listed.toString()).isFalse();

        HttpResponse<String> started = ops(HttpRequest.newBuilder(uri("/api/bots/shipment-statuses/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"maxPages\": 50}")));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String runId = read(started.body()).path("runId").asText();

        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> read(ops(HttpRequest.newBuilder(uri("/api/bots/runs/" + runId)).GET()).body()),
                        r -> !r.path("status").asText().equals("RUNNING"));
        assertThat(run.path("status").asText()).as(run.toPrettyString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("output").path("shipments").size()).isEqualTo(sandbox.portal().consignments().size());

        HttpResponse<String> refused = ops(HttpRequest.newBuilder(uri("/api/bots/shipment-statuses/runs"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"maxPages\": 0}")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(read(refused.body()).path("errors").findValuesAsText("pointer")).containsExactly("/maxPages");
    }

    private HttpResponse<String> ops(HttpRequest.Builder request) {
        return send(request.header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).build());
    }
}
