package dev.ferry.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.Intake;
import dev.ferry.orders.InvalidOrderException;
import dev.ferry.orders.OrderIntake;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Orders that a scheduled pull found in another system go through intake like posted ones. */
@Component("pulledOrders")
public class PulledOrders {

    private static final Logger log = LoggerFactory.getLogger(PulledOrders.class);

    private final OrderIntake intake;

    PulledOrders(OrderIntake intake) {
        this.intake = intake;
    }

    public void accept(Exchange exchange) {
        ObjectNode order = exchange.getMessage().getBody(ObjectNode.class);
        if (order == null) {
            log.warn("A pulled order is not a JSON object and was not accepted: {}", exchange.getMessage().getBody());
            return;
        }
        try {
            Intake result = intake.accept(order, null);
            if (result.created()) {
                log.info("Pulled order {} from {} accepted as {}", order.path("externalId").asText(),
                        order.path("source").asText(), result.orderId());
            }
        } catch (InvalidOrderException e) {
            log.warn("Pulled order {} from {} is not valid and was not accepted: {}", order.path("externalId").asText(),
                    order.path("source").asText(), e.violations());
        }
    }
}
