package dev.ferry.routing;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/**
 * Runs one named step of an order: skips it when the journal says it is done; hands it to the bot queue when it
 * runs a bot and this is not a bot consumer; otherwise runs it, records its refs and hands the next step the order
 * again rather than the step's reply.
 */
class JournaledStep extends DelegateAsyncProcessor {

    private final String stepId;
    private final boolean botStep;
    private final OrderSteps steps;

    JournaledStep(String stepId, boolean botStep, Processor target, OrderSteps steps) {
        super(target);
        this.stepId = stepId;
        this.botStep = botStep;
        this.steps = steps;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (exchange.getProperty(OrderExchange.ORDER_ID) == null) {
            return processor.process(exchange, callback);
        }
        try {
            if (steps.skipIfDone(exchange, stepId) || botStep && steps.handOverToBots(exchange, stepId)) {
                callback.done(true);
                return true;
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return processor.process(exchange, doneSync -> {
            try {
                if (exchange.getException() == null && !exchange.getProperty(OrderExchange.STOPPED, false, Boolean.class)) {
                    steps.completed(exchange, stepId, botStep);
                }
            } catch (RuntimeException e) {
                // e.g. the database is gone: the JMS transaction rolls back and the broker delivers again
                exchange.setException(e);
            } finally {
                callback.done(doneSync);
            }
        });
    }

    @Override
    public String toString() {
        return "JournaledStep[" + stepId + "]";
    }
}
