package dev.ferry.rehearsal;

import dev.ferry.routing.OrderSteps;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.processor.DelegateAsyncProcessor;

/** A named step that a reviewer approved in the recorded order (a waived rule): passed in the rehearsal too. */
class ApprovedStep extends DelegateAsyncProcessor {

    private final String stepId;
    private final Rehearsal rehearsal;

    ApprovedStep(String stepId, Processor target, Rehearsal rehearsal) {
        super(target);
        this.stepId = stepId;
        this.rehearsal = rehearsal;
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        if (rehearsal.approved(OrderSteps.orderOf(exchange), stepId)) {
            callback.done(true);
            return true;
        }
        return processor.process(exchange, callback);
    }
}
