package dev.ferry.routing;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code camelRoutes}, part of readiness: Camel's context is started and
 * so is every route that starts by itself (a route kept stopped on purpose, such as the order consumer
 * with {@code ferry.fulfilment.auto-start=false}, does not count). Camel's own {@code camelHealth} looks at
 * the context alone here: camel-spring-boot registers no per-route checks.
 */
@Component("camelRoutes")
class RoutesHealth implements HealthIndicator {

    private final CamelContext camel;

    RoutesHealth(CamelContext camel) {
        this.camel = camel;
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
        Health.Builder health = context.isStarted() && notStarted.isEmpty() ? Health.up() : Health.down();
        return health.withDetail("context", context.name())
                .withDetail("routes", routes.size())
                .withDetail("notStarted", notStarted)
                .build();
    }

    private boolean isStarted(String routeId) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        return status != null && status.isStarted();
    }
}
