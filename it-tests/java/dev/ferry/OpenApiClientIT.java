package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.client.ApiClient;
import dev.ferry.client.ApiResponse;
import dev.ferry.client.api.OrdersApi;
import dev.ferry.client.model.Accepted;
import dev.ferry.client.model.Order;
import dev.ferry.client.model.OrderCustomer;
import dev.ferry.client.model.OrderLinesInner;
import dev.ferry.client.model.OrderLinesInnerUnitPrice;
import dev.ferry.client.model.OrderShipTo;
import dev.ferry.client.model.OrderShipping;
import dev.ferry.client.model.OrderView;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A client team's view: the Java client openapi-generator makes from docs/openapi.yaml in the build (app.pom.xml,
 * test sources only) posts the README's demo order and reads it back until it is done.
 */
class OpenApiClientIT extends FerryIntegrationTest {

    @Test
    void theGeneratedClientPostsAnOrderAndReadsItBack() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(uri("").toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + INTAKE_KEY));
        OrdersApi orders = new OrdersApi(client);
        String externalId = "CLIENT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Order order = new Order().externalId(externalId).source("webshop")
                .customer(new OrderCustomer().id("C-1001").email("ana@example.com").name("Ana Lima"))
                .currency(Order.CurrencyEnum.EUR)
                .addLinesItem(new OrderLinesInner().sku("SKU-RED-MUG").quantity(2)
                        .unitPrice(new OrderLinesInnerUnitPrice("12.50")))
                .shipTo(new OrderShipTo().name("Ana Lima").street("Rua Augusta 1").city("Lisboa")
                        .postalCode("1100-048").country("PT"))
                .shipping(new OrderShipping().service(OrderShipping.ServiceEnum.STANDARD));

        ApiResponse<Accepted> posted = orders.postOrderWithHttpInfo(order, "client-" + externalId);

        assertThat(posted.getStatusCode()).isEqualTo(202);
        String orderId = posted.getData().getOrderId();
        assertThat(posted.getHeaders().get("Location")).containsExactly("/api/orders/" + orderId);
        assertThat(posted.getData().getStatus()).hasToString("ACCEPTED");
        OrderView done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> orders.getOrder(orderId), view -> view.getStatus() == OrderView.StatusEnum.COMPLETED);
        assertThat(done.getExternalId()).isEqualTo(externalId);
        assertThat(done.getSource()).isEqualTo("webshop");
        assertThat(done.getRefs()).containsEntry("crmCustomerId", "C-1001")
                .containsKeys("erpOrderId", "invoiceId", "shipmentId", "trackingNumber");
        // the same post again is the same order (200), as the description says
        assertThat(orders.postOrderWithHttpInfo(order, "client-" + externalId).getStatusCode()).isEqualTo(200);
    }
}
