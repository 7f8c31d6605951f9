package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ferry.sandbox.portal.ShipmentStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The scheduled tracking sync (routes/tracking-sync.yaml) reads the Nordic Freight portal's shipment-status
 * table in real headless Chromium and updates the CRM for every consignment of a Ferry order whose status
 * changed, and makes no call for the others. Orders are booked through the real flow (the book-freight bot).
 */
@TestPropertySource(properties = {
        // statuses move only when a test moves them (LegacyPortal.moveTo), however slow the machine
        "ferry.sandbox.portal.status-every=1h"
})
class TrackingSyncIT extends FerryIntegrationTest {

    private static final String ORDER_UPDATES = "/api/customers/[^/]+/order-updates";

    @BeforeEach
    void calmPortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
    }

    @Test
    void theCrmHearsOfEveryConsignmentOnceAndThenOnlyOfThoseWhoseStatusChanged() {
        List<String> consignments = bookFreight("TRK-A", "TRK-B", "TRK-C");
        String moved = consignments.get(0);
        String delivered = consignments.get(1);
        String unchanged = consignments.get(2);
        String walkIn = sandbox.portal().book("WALK-IN-7", "Walk-in customer").number();

        JsonNode first = runSync();

        assertThat(first.path("outcome").asText()).as(first.toString()).isEqualTo("OK");
        assertThat(first.path("items").asInt()).isEqualTo(3);
        consignments.forEach(number -> crm().verify(1, shipmentUpdate(number, "BOOKED")));
        // a consignment that belongs to no Ferry order is read, and left alone
        crm().verify(0, postRequestedFor(urlPathMatching(ORDER_UPDATES))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo(walkIn))));

        sandbox.portal().moveTo(moved, ShipmentStatus.IN_TRANSIT);
        sandbox.portal().moveTo(delivered, ShipmentStatus.DELIVERED);
        JsonNode second = runSync();

        assertThat(second.path("outcome").asText()).as(second.toString()).isEqualTo("OK");
        assertThat(second.path("items").asInt()).isEqualTo(2);
        crm().verify(1, shipmentUpdate(moved, "IN_TRANSIT"));
        crm().verify(1, shipmentUpdate(delivered, "DELIVERED"));
        crm().verify(1, shipmentUpdates(unchanged));
        assertThat(recorded(moved)).extracting(update -> update.path("shipmentStatus").asText())
                .containsExactly("BOOKED", "IN_TRANSIT");
        assertThatTheRequestNamesOrderCustomerAndStatus(moved, "IN_TRANSIT");

        JsonNode third = runSync();

        assertThat(third.path("items").asInt()).isZero();
        crm().verify(2, shipmentUpdates(moved));
        crm().verify(2, shipmentUpdates(delivered));
        crm().verify(1, shipmentUpdates(unchanged));

        // the order's journal tells each status the CRM accepted
        JsonNode order = order(orderOf(moved));
        assertThat(journal(order, "update-shipment-status")).extracting(entry -> entry.path("detail").asText())
                .satisfiesExactly(entry -> assertThat(entry).contains("shipmentStatus BOOKED"),
                        entry -> assertThat(entry).contains("shipmentStatus IN_TRANSIT"));
        assertThat(order.path("refs").path("shipmentStatus").asText()).isEqualTo("IN_TRANSIT");
    }

    @Test
    void aStatusTheCrmDidNotTakeIsSentAgainOnTheNextRunAndTheOthersAreNotHeldUp() {
        List<String> consignments = bookFreight("TRK-D", "TRK-E");
        String accepted = consignments.get(0);
        String refused = consignments.get(1);
        assertThat(runSync().path("items").asInt()).isEqualTo(2);

        StubMapping down = crm().stubFor(WireMock.post(urlPathMatching(ORDER_UPDATES)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo(refused)))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"unavailable\",\"message\":\"The CRM is down for maintenance.\"}")));
        JsonNode failed;
        try {
            sandbox.portal().moveTo(accepted, ShipmentStatus.PICKED_UP);
            sandbox.portal().moveTo(refused, ShipmentStatus.PICKED_UP);
            failed = runSync();
        } finally {
            crm().removeStub(down);
        }

        assertThat(failed.path("outcome").asText()).as(failed.toString()).isEqualTo("FAILED");
        assertThat(failed.path("items").asInt()).isEqualTo(1);
        assertThat(failed.path("error").asText()).contains("1 of 2 changed shipment statuses were not sent",
                refused, "The CRM is down for maintenance.");
        crm().verify(1, shipmentUpdate(accepted, "PICKED_UP"));
        crm().verify(1, shipmentUpdate(refused, "PICKED_UP"));
        assertThat(recorded(refused)).extracting(update -> update.path("shipmentStatus").asText())
                .containsExactly("BOOKED");

        JsonNode next = runSync();

        assertThat(next.path("outcome").asText()).as(next.toString()).isEqualTo("OK");
        assertThat(next.path("items").asInt()).isEqualTo(1);
        crm().verify(2, shipmentUpdate(refused, "PICKED_UP"));
        crm().verify(1, shipmentUpdate(accepted, "PICKED_UP"));
        assertThat(recorded(refused)).extracting(update -> update.path("shipmentStatus").asText())
                .containsExactly("BOOKED", "PICKED_UP");
    }

    private void assertThatTheRequestNamesOrderCustomerAndStatus(String consignmentNumber, String status) {
        String orderId = orderOf(consignmentNumber);
        JsonNode order = order(orderId);
        List<LoggedRequest> requests = crm().findAll(shipmentUpdate(consignmentNumber, status));
        assertThat(requests).hasSize(1);
        LoggedRequest request = requests.get(0);
        assertThat(request.getUrl()).isEqualTo("/api/customers/" + order.path("refs").path("crmCustomerId").asText()
                + "/order-updates");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer crm-sandbox-token");
        assertThat(request.getHeader("Idempotency-Key")).isEqualTo(orderId + ":update-shipment-status:" + status);
        JsonNode body = read(request.getBodyAsString());
        assertThat(body.properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrder("ferryOrderId",
                "source", "externalId", "trackingNumber", "shipmentStatus", "shipmentStatusAt");
        assertThat(body.path("ferryOrderId").asText()).isEqualTo(orderId);
        assertThat(body.path("source").asText()).isEqualTo("webshop");
        assertThat(body.path("externalId").asText()).isEqualTo(order.path("externalId").asText());
        // the portal's "Last update", shown to the minute
        assertThat(body.path("shipmentStatusAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00Z");
    }

    /** Freight orders through the whole flow; their consignment numbers, in the order of the external ids. */
    private List<String> bookFreight(String... externalIds) {
        List<String> ids = Stream.of(externalIds).map(id -> accept(TestOrders.withService(id, "freight"))).toList();
        return ids.stream().map(id -> awaitStatus(id, "COMPLETED").path("refs").path("trackingNumber").asText())
                .peek(number -> assertThat(number).startsWith("NF-")).toList();
    }

    /** Runs the sync now, as an operator would, and waits for the run to end. */
    private JsonNode runSync() {
        long before = latestRun().path("id").asLong(0);
        HttpResponse<String> started = ops(HttpRequest.newBuilder(uri("/api/schedules/tracking-sync/run"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(this::latestRun, run -> run.path("id").asLong(0) > before
                        && !run.path("outcome").asText().equals("RUNNING"));
    }

    private JsonNode latestRun() {
        return read(ops(HttpRequest.newBuilder(uri("/api/schedules/tracking-sync/runs?limit=1")).GET()).body())
                .path("items").path(0);
    }

    private String orderOf(String consignmentNumber) {
        return recorded(consignmentNumber).get(0).path("ferryOrderId").asText();
    }

    /** The shipment-status updates the sandbox CRM accepted for one consignment, oldest first. */
    private List<JsonNode> recorded(String consignmentNumber) {
        return sandbox.crm().orderUpdates().stream()
                .filter(update -> update.has("shipmentStatus"))
                .filter(update -> consignmentNumber.equals(update.path("trackingNumber").asText())).toList();
    }

    private static RequestPatternBuilder shipmentUpdates(String consignmentNumber) {
        return postRequestedFor(urlPathMatching(ORDER_UPDATES))
                .withRequestBody(matchingJsonPath("$.trackingNumber", equalTo(consignmentNumber)))
                .withRequestBody(matchingJsonPath("$.shipmentStatus"));
    }

    private static RequestPatternBuilder shipmentUpdate(String consignmentNumber, String status) {
        return shipmentUpdates(consignmentNumber).withRequestBody(matchingJsonPath("$.shipmentStatus", equalTo(status)));
    }

    private WireMockServer crm() {
        return sandbox.crm().server();
    }

    private HttpResponse<String> ops(HttpRequest.Builder request) {
        return send(request.header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).build());
    }
}
