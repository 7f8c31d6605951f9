package dev.ferry.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers every stub of one simulated system from Java state: counts the request, checks the caller, injects a
 * fault if one is drawn, then runs the route's handler.
 */
final class Dispatcher implements ResponseDefinitionTransformerV2 {

    static final String ROUTE_PARAMETER = "route";

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final SandboxSystem system;
    private final Auth auth;
    private final Map<String, Route> routes;
    private final InjectedFaults faults;
    private final SandboxStats stats;

    Dispatcher(SandboxSystem system, Auth auth, List<Route> routes, ServerOptions options) {
        this.system = system;
        this.auth = auth;
        this.routes = routes.stream().collect(Collectors.toMap(Route::name, Function.identity()));
        this.faults = options.faults();
        this.stats = options.stats();
    }

    @Override
    public String getName() {
        return "ferry-sandbox-" + system.key();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        stats.countRequest(system);
        Parameters parameters = serveEvent.getResponseDefinition().getTransformerParameters();
        // the fallback stub names no route: whatever it catches is an endpoint this system does not have
        Route route = parameters == null ? null : routes.get(parameters.getString(ROUTE_PARAMETER, ""));
        Call call = new Call(serveEvent.getRequest(), route);
        ReceivedTraces.received(system.key(), call.method(), call.path(), serveEvent.getRequest().getHeader("traceparent"));
        if (!auth.accepts(call)) {
            return auth.refusal().toResponse();
        }
        if (route == null) {
            return Reply.error(404, "not_found", "The " + system.title() + " has no endpoint " + call.method()
                    + " " + call.path() + ".").toResponse();
        }
        // drawn only for a known endpoint and a recognised caller: a wrong key or URL still shows as itself
        FaultKind fault = faults.next();
        if (fault == null) {
            return handle(call, route).toResponse();
        }
        stats.countFault(fault);
        if (fault.beforeEffect()) {
            return fault.reply(system).toResponse();
        }
        // the handler runs and keeps what it did; only its answer is lost, as when a connection breaks too late
        handle(call, route);
        return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    private Reply handle(Call call, Route route) {
        try {
            return route.handler().handle(call);
        } catch (Rejection rejection) {
            return rejection.reply();
        } catch (RuntimeException e) {
            log.warn("Sandbox {} failed on {} {}", system.key(), call.method(), call.path(), e);
            return Reply.error(500, "internal_error",
                    "The " + system.title() + " ran into an internal problem; try again later.");
        }
    }
}
