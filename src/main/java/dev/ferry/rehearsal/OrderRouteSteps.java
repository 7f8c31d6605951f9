package dev.ferry.rehearsal;

import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.StepDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The named steps of the order routes, those that opt into {@code routeConfigurationId: order-steps}: what an
 * order's run is made of. A schedule may journal a step on an order too (the tracking sync's
 * update-shipment-status, after the order completed); that is no part of the order's run.
 */
@Component
class OrderRouteSteps {

    private static final String ORDER_ROUTES = "order-steps";

    // asked for when needed: the rehearsal's InterceptStrategy depends on this, and Camel collects those while its
    // context is being made
    private final ObjectProvider<CamelContext> camel;

    OrderRouteSteps(ObjectProvider<CamelContext> camel) {
        this.camel = camel;
    }

    Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        for (RouteDefinition route : ((ModelCamelContext) camel.getObject()).getRouteDefinitions()) {
            String configurations = route.getRouteConfigurationId();
            if (configurations != null && Set.of(configurations.split("\\s*,\\s*")).contains(ORDER_ROUTES)) {
                ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), StepDefinition.class).stream()
                        .filter(StepDefinition::hasCustomIdAssigned).forEach(step -> ids.add(step.getId()));
            }
        }
        return ids;
    }
}
