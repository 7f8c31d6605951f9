package dev.ferry.routing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.inbox.FlagCategory;
import dev.ferry.orders.Intake;
import dev.ferry.orders.InvalidOrderException;
import dev.ferry.orders.OrderIntake;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Orders that a scheduled pull found in another system go through intake like posted ones. */
@Component("pulledOrders")
public class PulledOrders {

    private static final Logger log = LoggerFactory.getLogger(PulledOrders.class);

    private final OrderIntake intake;
    private final StepFailures failures;
    private final TransactionTemplate tx;

    PulledOrders(OrderIntake intake, StepFailures failures, TransactionTemplate tx) {
        this.intake = intake;
        this.failures = failures;
        this.tx = tx;
    }

    public void accept(Exchange exchange) {
        ObjectNode order = exchange.getMessage().getBody(ObjectNode.class);
        if (order == null) {
            log.warn("A pulled order is not a JSON object and was not accepted: {}", exchange.getMessage().getBody());
            return;
        }
        try {
            Intake result = intake.accept(order, null, null);
            if (result.created()) {
                log.info("Pulled order {} from {} accepted as {}", order.path("externalId").asText(),
                        order.path("source").asText(), result.orderId());
            }
        } catch (InvalidOrderException e) {
            keepForReview(order, e);
        }
    }

    // nobody can be answered 400 for a pulled order: it waits in the inbox for a person to correct it
    private void keepForReview(ObjectNode order, InvalidOrderException invalid) {
        if (order.path("source").asText("").isBlank() || order.path("externalId").asText("").isBlank()) {
            log.warn("A pulled order without source or externalId cannot be kept for review: {} {}", order,
                    invalid.violations());
            return;
        }
        String reason = "The order from " + order.path("source").asText("?") + " is not valid: " + invalid.violations()
                .stream().map(v -> (v.pointer().isEmpty() ? "" : v.pointer() + " ") + v.message())
                .collect(Collectors.joining("; ")) + ".";
        tx.executeWithoutResult(status -> intake.keepForReview(order).ifPresentOrElse(
                id -> failures.flag(id, "accept", FlagCategory.VALIDATION, reason, "schema violations: " + invalid.violations(), 1),
                () -> log.debug("Invalid pulled order {} is kept already", order.path("externalId").asText())));
    }
}
