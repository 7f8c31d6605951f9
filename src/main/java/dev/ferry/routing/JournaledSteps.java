package dev.ferry.routing;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.model.StepDefinition;
import org.apache.camel.spi.InterceptStrategy;
import org.springframework.stereotype.Component;

/**
 * Journals every named {@code step} of an order route, once, in Java: routes only name their steps; and sends a
 * step that runs a bot to the bot queue's consumers. Camel Spring Boot adds InterceptStrategy beans to the context
 * by itself.
 */
@Component
class JournaledSteps implements InterceptStrategy {

    private final OrderSteps steps;
    private final BotSteps botSteps;

    JournaledSteps(OrderSteps steps, BotSteps botSteps) {
        this.steps = steps;
        this.botSteps = botSteps;
    }

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
            Processor nextTarget) {
        if (definition instanceof StepDefinition step && step.hasCustomIdAssigned()) {
            return new JournaledStep(step.getId(), botSteps.note(step), target, steps);
        }
        return target;
    }
}
