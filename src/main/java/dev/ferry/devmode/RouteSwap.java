package dev.ferry.devmode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Endpoint;
import org.apache.camel.Route;
import org.apache.camel.component.ResourceEndpoint;
import org.apache.camel.component.kamelet.KameletEndpoint;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.spi.RouteStartupOrder;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces some routes of a running Camel context and leaves the others alone. A route is stopped gracefully
 * before it goes: its consumer takes no new message and the exchanges in flight finish on the old route (an
 * order consumer's JMS transaction commits as before; a message not yet taken waits in the queue for the new
 * route). Routes that others call ({@code direct:}, {@code seda:}) stop after their callers and start before them.
 * When the new routes fail to start, they go and the old definitions come back, so the previous version runs.
 */
final class RouteSwap {

    private static final Logger LOG = LoggerFactory.getLogger(RouteSwap.class);

    private final ModelCamelContext camel;

    RouteSwap(ModelCamelContext camel) {
        this.camel = camel;
    }

    /** The new definitions of the routes and route configurations the plan adds or replaces. */
    record Definitions(Map<String, RouteDefinition> routes, Map<String, RouteConfigurationDefinition> configurations) {
    }

    void apply(ReloadPlan plan, Definitions fresh) throws Exception {
        List<RouteDefinition> oldRoutes = plan.remove().stream().map(camel::getRouteDefinition)
                .filter(Objects::nonNull).toList();
        List<RouteConfigurationDefinition> oldConfigurations = plan.configurations().stream()
                .map(camel::getRouteConfigurationDefinition).filter(Objects::nonNull).toList();
        List<RouteTemplateDefinition> oldTemplates = plan.kamelets().stream().map(camel::getRouteTemplateDefinition)
                .filter(Objects::nonNull).toList();
        Set<String> kameletRoutesBefore = kameletRoutesInUse();
        stopTogether(oldRoutes);
        for (RouteDefinition route : reversed(calledFirst(oldRoutes))) {
            remove(route.getRouteId());
        }
        forgetKamelets(plan);
        forgetBots(plan);
        for (RouteConfigurationDefinition old : oldConfigurations) {
            camel.removeRouteConfiguration(old);
        }
        camel.addRouteConfigurations(List.copyOf(fresh.configurations().values()));
        List<RouteDefinition> added = calledFirst(plan.add().stream().map(fresh.routes()::get).toList());
        try {
            add(added);
        } catch (Exception failed) {
            restore(added, oldRoutes, oldConfigurations, fresh, oldTemplates, plan);
            throw failed;
        }
        removeUnused(kameletRoutesBefore);
        if (plan.mappingsChanged()) {
            // the jsonata endpoints keep a mapping's text; cleared, they read the file at their next message
            camel.getEndpoints().stream().filter(ResourceEndpoint.class::isInstance).map(ResourceEndpoint.class::cast)
                    .forEach(ResourceEndpoint::clearContentCache);
        }
    }

    // the routes others call first, then their callers: in that order they start, and stop the other way round
    private static List<RouteDefinition> calledFirst(List<RouteDefinition> routes) {
        return routes.stream().sorted(Comparator.comparing(route -> !isCalled(route))).toList();
    }

    private static List<RouteDefinition> reversed(List<RouteDefinition> routes) {
        List<RouteDefinition> copy = new ArrayList<>(routes);
        Collections.reverse(copy);
        return copy;
    }

    private static boolean isCalled(RouteDefinition route) {
        String uri = route.getInput() == null ? "" : route.getInput().getEndpointUri();
        return uri != null && (uri.startsWith("direct:") || uri.startsWith("seda:") || uri.startsWith("kamelet:"));
    }

    private void add(List<RouteDefinition> routes) throws Exception {
        // one by one, callees first: a caller's consumer never starts before the route it sends to
        for (RouteDefinition route : routes) {
            camel.addRouteDefinition(route);
        }
    }

    /** Drained, the routes have nothing in flight, and Camel's graceful stop of them all has nothing to wait for. */
    private void stopTogether(List<RouteDefinition> routes) throws Exception {
        Set<String> ids = new HashSet<>();
        routes.forEach(route -> ids.add(route.getRouteId()));
        drain(routes, ids);
        List<RouteStartupOrder> running = camel.getCamelContextExtension().getRouteStartupOrder().stream()
                .filter(order -> ids.contains(order.getRoute().getRouteId())).toList();
        if (!running.isEmpty()) {
            camel.getShutdownStrategy().shutdown(camel, new ArrayList<>(running));
        }
    }

    /**
     * The consumers of the routes nothing else calls (queues, schedules) stop, side by side: a JMS consumer finishes
     * and commits the messages it works on, those it has not taken stay in the queue, and an idle one stops when its
     * receive times out (a second). Then the exchanges in flight on the routes they called finish there, looked at
     * every few milliseconds (Camel's graceful stop looks once a second). A called route's own consumer is left to
     * Camel's stop: stopped by hand, a direct: consumer still took calls its stopped route then refused.
     */
    private void drain(List<RouteDefinition> routes, Set<String> ids) throws InterruptedException {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (RouteDefinition definition : routes) {
            Route route = camel.getRoute(definition.getRouteId());
            if (route != null && !isCalled(definition) && route.getConsumer() != null) {
                stops.add(CompletableFuture.runAsync(() -> ServiceHelper.stopService(route.getConsumer())));
            }
        }
        CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
        long giveUp = System.nanoTime() + camel.getShutdownStrategy().getTimeUnit()
                .toNanos(camel.getShutdownStrategy().getTimeout());
        while (ids.stream().mapToInt(id -> camel.getInflightRepository().size(id)).sum() > 0
                && System.nanoTime() < giveUp) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private void remove(String routeId) throws Exception {
        if (camel.getRoute(routeId) == null) {
            return;
        }
        camel.getRouteController().stopRoute(routeId);
        RouteDefinition definition = camel.getRouteDefinition(routeId);
        if (definition != null) {
            camel.removeRouteDefinition(definition);
        }
        if (camel.getRoute(routeId) != null) {
            camel.removeRoute(routeId);
        }
    }

    /** A changed Kamelet's template-made routes, its template and its endpoints go: the next use reads the file. */
    private void forgetKamelets(ReloadPlan plan) throws Exception {
        for (String kamelet : plan.kamelets()) {
            for (Route route : List.copyOf(camel.getRoutes())) {
                if (route.isCreatedByKamelet() && kamelet.equals(templateOf(route.getRouteId()))) {
                    remove(route.getRouteId());
                }
            }
            camel.removeRouteTemplateDefinitions(kamelet);
            for (Endpoint endpoint : List.copyOf(camel.getEndpoints())) {
                if (endpoint instanceof KameletEndpoint used && kamelet.equals(used.getTemplateId())) {
                    camel.removeEndpoint(endpoint);
                }
            }
        }
    }

    private Object templateOf(String routeId) {
        RouteDefinition definition = camel.getRouteDefinition(routeId);
        return definition == null || definition.getTemplateParameters() == null ? null
                : definition.getTemplateParameters().get("templateId");
    }

    /**
     * The routes Kamelet endpoints made and use: a route removed takes its Kamelet endpoints along, and its new
     * version makes new ones, each with a route of its own from the template.
     */
    private Set<String> kameletRoutesInUse() {
        Set<String> ids = new HashSet<>();
        for (Endpoint endpoint : camel.getEndpoints()) {
            // kamelet:source and kamelet:sink are the template-made route's own ends, not a use of it
            if (endpoint instanceof KameletEndpoint kamelet && kamelet.getRouteId() != null
                    && !endpoint.getEndpointUri().matches("kamelet:(//)?(source|sink)([?].*)?")) {
                ids.add(kamelet.getRouteId());
            }
        }
        return ids;
    }

    /** The template-made routes of the endpoints that went with the old routes. */
    private void removeUnused(Set<String> before) throws Exception {
        Set<String> unused = new HashSet<>(before);
        unused.removeAll(kameletRoutesInUse());
        for (String routeId : unused) {
            Route route = camel.getRoute(routeId);
            if (route != null && route.isCreatedByKamelet()) {
                remove(routeId);
            }
        }
    }

    /** A changed bot's endpoints go: an {@code rpa:} endpoint reads its bot file when it is made. */
    private void forgetBots(ReloadPlan plan) throws Exception {
        for (Endpoint endpoint : List.copyOf(camel.getEndpoints())) {
            String uri = endpoint.getEndpointUri().replaceFirst("^rpa://", "rpa:");
            if (plan.bots().stream().anyMatch(bot -> uri.equals("rpa:" + bot) || uri.startsWith("rpa:" + bot + "?"))) {
                camel.removeEndpoint(endpoint);
            }
        }
    }

    private void restore(List<RouteDefinition> added, List<RouteDefinition> oldRoutes,
            List<RouteConfigurationDefinition> oldConfigurations, Definitions fresh,
            List<RouteTemplateDefinition> oldTemplates, ReloadPlan plan) {
        try {
            for (RouteDefinition route : reversed(added)) {
                remove(route.getRouteId());
            }
            forgetKamelets(plan);
            for (RouteConfigurationDefinition configuration : fresh.configurations().values()) {
                camel.removeRouteConfiguration(configuration);
            }
            camel.addRouteConfigurations(new ArrayList<>(oldConfigurations));
            // the old templates, not the files, which hold the change that failed
            camel.addRouteTemplateDefinitions(new ArrayList<>(oldTemplates));
            add(oldRoutes);
        } catch (Exception alsoFailed) {
            LOG.error("Dev mode could not bring back the previous routes {}: {}", oldRoutes.stream()
                    .map(RouteDefinition::getRouteId).toList(), alsoFailed.getMessage(), alsoFailed);
        }
    }
}
