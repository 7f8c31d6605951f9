package dev.ferry.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class RoutesHealthTests {

    private final CamelContext camel = new DefaultCamelContext();

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    @Test
    void isDownUntilTheContextHasStarted() throws Exception {
        camel.addRoutes(routes());

        Health health = new RoutesHealth(camel, List.of("create-invoice")).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("context", "Stopped");
    }

    @Test
    void isUpWhenEveryRouteThatStartsByItselfHasStarted() throws Exception {
        camel.addRoutes(routes());
        camel.start();

        Health health = new RoutesHealth(camel, List.of("create-invoice")).health();

        assertThat(health.getStatus()).as("a route kept stopped on purpose does not count").isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("routes", 2);
    }

    @Test
    void isDownAndNamesTheRouteWhenOneHasStopped() throws Exception {
        camel.addRoutes(routes());
        camel.start();
        camel.getRouteController().stopRoute("create-invoice");

        Health health = new RoutesHealth(camel, List.of("create-invoice")).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("notStarted", List.of("create-invoice"));
    }

    @Test
    void isDownAndNamesARouteThatMustBeThereAndIsNot() throws Exception {
        camel.addRoutes(routes());
        camel.start();
        camel.getRouteController().stopRoute("create-invoice");
        camel.removeRoute("create-invoice");

        Health health = new RoutesHealth(camel, List.of("create-invoice")).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("missing", List.of("create-invoice"))
                .containsEntry("notStarted", List.of());
    }

    @Test
    void ferryRequiresItsThreeOrderRoutes() {
        assertThat(new RoutesHealth(camel).health().getDetails()).containsEntry("missing",
                List.of("order-fulfilment", "order-bot-steps", "fulfil-order"));
    }

    private static RouteBuilder routes() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:create-invoice").routeId("create-invoice").log("invoice");
                from("direct:consume-orders").routeId("consume-orders").autoStartup(false).log("order");
            }
        };
    }
}
