package dev.ferry.routing;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/** The onExceptionOccurred hook of the order routes: notes when an attempt failed, before the retry waits. */
@Component("failureClock")
class FailureClock implements Processor {

    private final OrderSteps steps;

    FailureClock(OrderSteps steps) {
        this.steps = steps;
    }

    @Override
    public void process(Exchange exchange) {
        steps.failed(exchange);
    }
}
