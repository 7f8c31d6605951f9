package dev.ferry.routing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.StepDefinition;
import org.springframework.stereotype.Component;

/**
 * The named order steps that run a bot (they call an {@code rpa:} endpoint). They run on the bot queue's consumers
 * only: a bot run takes seconds to minutes, and on an order consumer it would keep that consumer from every other
 * order for as long. Known from the routes as Camel builds them.
 */
@Component
class BotSteps {

    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    /** Notes the step if it runs a bot, and says whether it does. */
    boolean note(StepDefinition step) {
        boolean bot = callsABot(step);
        if (bot) {
            ids.add(step.getId());
        }
        return bot;
    }

    boolean contains(String stepId) {
        return ids.contains(stepId);
    }

    private static boolean callsABot(ProcessorDefinition<?> definition) {
        if (definition instanceof EndpointRequiredDefinition send && send.getEndpointUri() != null
                && send.getEndpointUri().startsWith("rpa:")) {
            return true;
        }
        return definition.getOutputs().stream().anyMatch(BotSteps::callsABot);
    }
}
