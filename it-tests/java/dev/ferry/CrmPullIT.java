package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private static final String OPS_KEY = "ferry-sandbox-ops-key";

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

    @Test
    void anInvalidOrderInTheCrmWaitsInTheInboxAsAValidationProblem() {
        String number = "BROKEN-" + System.nanoTime();
        StubMapping broken = sandbox.crm().server().stubFor(WireMock.get(urlPathEqualTo("/api/orders")).atPriority(1)
                .willReturn(okJson("""
                        {"orders":[{"orderNumber":"%s","account":{"id":"C-1001","name":"Ana Lima"},"currencyCode":"EUR",
                          "items":[{"productCode":"SKU-RED-MUG","qty":0,"price":"12.50"}],
                          "delivery":{"recipient":"Ana Lima","addressLine1":"Rua Augusta 1","city":"Lisboa",
                                      "zip":"1100-048","countryCode":"PT","method":"standard"}}]}""".formatted(number))));
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> exceptions(number).path("totalItems").asInt() == 1);
        } finally {
            sandbox.crm().server().removeStub(broken);
        }

        JsonNode item = exceptions(number).path("items").get(0);
        assertThat(item.path("category").asText()).isEqualTo("VALIDATION");
        assertThat(item.path("step").asText()).isEqualTo("accept");
        assertThat(item.path("reason").asText()).contains("/lines/0/quantity");
        // the CRM's orders are Ferry's own: the intake key does not see them, the operator's key does
        assertThat(get("/api/orders/" + item.path("orderId").asText(), INTAKE_KEY).statusCode()).isEqualTo(404);
        assertThat(read(get("/api/orders/" + item.path("orderId").asText(), OPS_KEY).body()).path("status").asText())
                .isEqualTo("FLAGGED");
    }

    private JsonNode exceptions(String q) {
        return read(get("/api/exceptions?category=VALIDATION&q=" + q, OPS_KEY).body());
    }

    private HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + key).GET().build());
    }

    private List<JsonNode> crmOrders() {
        JsonNode page = read(get("/api/orders?source=crm&size=50", OPS_KEY).body());
        List<JsonNode> items = new ArrayList<>();
        // the trickle's own orders; another test adds a broken one
        page.path("items").forEach(o -> {
            if (o.path("externalId").asText().startsWith("CRM-")) {
                items.add(o);
            }
        });
        return items;
    }
}
