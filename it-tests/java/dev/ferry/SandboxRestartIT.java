package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ferry with its in-process sandbox, as the demo runs ({@code ./mvnw spring-boot:run}), killed and started again on the same data directory: the
 * simulated systems remember what they handed out, so the next sales order and tracking number are new ones, and
 * the CRM does not offer again the orders Ferry has already written back.
 */
class SandboxRestartIT {

    private static final String CRM_TOKEN = "crm-sandbox-token";
    private static final String ERP_KEY = "erp-sandbox-key";
    private static final String SHIPPING_TOKEN = "shipping-sandbox-token";

    private final List<FerryProcess> launched = new ArrayList<>();

    @AfterEach
    void stop() {
        launched.forEach(FerryProcess::close);
    }

    @Test
    void afterARestartTheSandboxNumbersOnAndOffersNoWrittenBackCrmOrderAgain() throws IOException {
        int crm = Cluster.freePort();
        int erp = Cluster.freePort();
        int shipping = Cluster.freePort();
        FerryProcess.Options options = FerryProcess.options()
                .dataDir(Files.createTempDirectory("ferry-sandbox-restart-"))
                .withSimulator()
                .arg("ferry.sandbox.crm.port", crm)
                .arg("ferry.sandbox.erp.port", erp)
                .arg("ferry.sandbox.shipping.port", shipping)
                // two CRM orders, there from the start, pulled every second
                .arg("ferry.sandbox.crm.trickle-initial", 2)
                .arg("ferry.sandbox.crm.trickle-max", 2)
                .arg("ferry.schedules.crm-order-pull.cron", "* * * * * ?")
                .arg("ferry.schedules.tracking-sync.cron", "0 0 0 1 1 ? 2099")
                .arg("ferry.schedules.nightly-reconciliation.cron", "0 0 0 1 1 ? 2099")
                .arg("ferry.retry.initial-delay", "50ms");

        FerryProcess first = launch(options, "sandbox-restart-first");
        JsonNode before = completed(first, first.accept(TestOrders.ordinary("RESTART-1")));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> openCrmOrders(crm).isEmpty());
        List<String> salesOrders = ids(get(erp, "/api/sales-orders?size=500", "X-API-Key", ERP_KEY), "salesOrders", "id");
        assertThat(salesOrders).hasSize(3).contains(before.path("refs").path("erpOrderId").asText());
        List<String> trackingNumbers = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            trackingNumbers.add(get(shipping, "/api/shipments/SHP-%06d".formatted(n), "Authorization",
                    "Bearer " + SHIPPING_TOKEN).path("trackingNumber").asText());
        }

        first.kill();
        FerryProcess second = launch(options, "sandbox-restart-second");

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(openCrmOrders(crm)).as("CRM orders offered again after the restart").isEmpty();
        JsonNode after = completed(second, second.accept(TestOrders.ordinary("RESTART-2")));
        softly.assertThat(after.path("refs").path("erpOrderId").asText()).as("the next sales order")
                .isNotIn(salesOrders);
        softly.assertThat(after.path("refs").path("trackingNumber").asText()).as("the next tracking number")
                .isNotIn(trackingNumbers);
        // and what was handed out before is still there
        HttpResponse<String> earlier = FerryIntegrationTest.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + erp + "/api/sales-orders/" + before.path("refs").path("erpOrderId").asText()))
                .header("X-API-Key", ERP_KEY).GET().build());
        softly.assertThat(earlier.body()).as("the sales order of the order before the restart")
                .contains("\"reference\":\"" + before.path("orderId").asText() + "\"");
        softly.assertThat(openCrmOrders(crm)).as("CRM orders offered again once the pull ran").isEmpty();
        softly.assertAll();
    }

    private FerryProcess launch(FerryProcess.Options options, String name) {
        FerryProcess ferry = options.start(name);
        launched.add(ferry);
        return ferry;
    }

    private static JsonNode completed(FerryProcess ferry, String orderId) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(() -> ferry.order(orderId).path("status").asText(), "COMPLETED"::equals);
        return ferry.order(orderId);
    }

    private static List<String> openCrmOrders(int crm) {
        return ids(get(crm, "/api/orders?status=open", "Authorization", "Bearer " + CRM_TOKEN), "orders", "orderNumber");
    }

    private static List<String> ids(JsonNode list, String field, String id) {
        List<String> ids = new ArrayList<>();
        list.path(field).forEach(record -> ids.add(record.path(id).asText()));
        return ids;
    }

    private static JsonNode get(int port, String path, String header, String value) {
        HttpResponse<String> response = FerryIntegrationTest.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + path)).header(header, value).GET().build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return FerryIntegrationTest.read(response.body());
    }
}
