package dev.ferry.routing;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** The onRedelivery hook of the order routes (Camel wants a Processor there): journals each retry. */
@Component("retryJournal")
class RetryJournal implements Processor {

    private final OrderSteps steps;

    RetryJournal(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        steps.retrying(exchange);
    }
}
