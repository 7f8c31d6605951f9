package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The scheduled pull moves the orders waiting in the CRM through intake to COMPLETED, each once. Three
 * orders wait at start; the fourth appears alone, after those are done, so a pull meets one open order too.
 */
@TestPropertySource(properties = {
        "ferry.sandbox.crm.trickle-initial=3",
        "ferry.sandbox.crm.trickle-every=8s",
        "ferry.sandbox.crm.trickle-max=4",
        "ferry.schedules.crm-order-pull.cron=0/2 * * * * ?"
})
class CrmPullIT extends FerryIntegrationTest {

    @Test
    void ordersWaitingInTheCrmArePulledAndCompletedOnce() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> crmOrders().size() == 4 && crmOrders().stream()
                        .allMatch(o -> "COMPLETED".equals(o.path("status").asText())));

        // several pulls ran meanwhile; intake deduped them by source + externalId
        List<JsonNode> orders = crmOrders();
        assertThat(orders).extracting(o -> o.path("externalId").asText()).doesNotHaveDuplicates();
        assertThat(sandbox.erp().salesOrderRecords()).hasSize(4);
        assertThat(sandbox.crm().openOrders()).isEmpty();
    }

    private List<JsonNode> crmOrders() {
        JsonNode page = read(send(HttpRequest.newBuilder(uri("/api/orders?source=crm&size=50"))
                .header("Authorization", "Bearer " + INTAKE_KEY).GET().build()).body());
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }
}
