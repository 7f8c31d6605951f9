package dev.ferry.routing;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code camelRoutes}, part of readiness: Camel's context is started, the
 * order routes are there, and every route that starts by itself has started (a route kept stopped on purpose,
 * such as the order consumer with {@code ferry.fulfilment.auto-start=false}, does not count). A node whose order
 * routes are gone (a dev mode reload that removed them) takes no orders, so it is not ready. Camel's own
 * {@code camelHealth} looks at the context alone here: camel-spring-boot registers no per-route checks.
 */
@Component("camelRoutes")
class RoutesHealth implements HealthIndicator {

    /** The routes that carry orders: routes/order-fulfilment.yaml. */
    static final List<String> ORDER_ROUTES = List.of("order-fulfilment", "order-bot-steps", "fulfil-order");

    private final CamelContext camel;
    private final List<String> required;

    @Autowired
    RoutesHealth(CamelContext camel) {
        this(camel, ORDER_ROUTES);
    }

    RoutesHealth(CamelContext camel, List<String> required) {
        this.camel = camel;
        this.required = List.copyOf(required);
    }

    @Override
    public Health health() {
        ServiceStatus context = camel.getStatus();
        List<Route> routes = camel.getRoutes();
        List<String> notStarted = routes.stream()
                .filter(Route::isAutoStartup)
                .map(Route::getRouteId)
                .filter(id -> !isStarted(id))
                .sorted()
                .toList();
        List<String> missing = required.stream().filter(id -> camel.getRoute(id) == null).toList();
        Health.Builder health = context.isStarted() && notStarted.isEmpty() && missing.isEmpty() ? Health.up()
                : Health.down();
        health.withDetail("context", context.name())
                .withDetail("routes", routes.size())
                .withDetail("notStarted", notStarted);
        if (!missing.isEmpty()) {
            health.withDetail("missing", missing);
        }
        return health.build();
    }

    private boolean isStarted(String routeId) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        return status != null && status.isStarted();
    }
}
