package dev.ferry.sandbox;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers every stub of one simulated system from Java state: checks the caller, then runs the route's handler. */
final class Dispatcher implements ResponseDefinitionTransformerV2 {

    static final String ROUTE_PARAMETER = "route";

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final SandboxSystem system;
    private final Auth auth;
    private final Map<String, Route> routes;

    Dispatcher(SandboxSystem system, Auth auth, List<Route> routes) {
        this.system = system;
        this.auth = auth;
        this.routes = routes.stream().collect(Collectors.toMap(Route::name, Function.identity()));
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
        Parameters parameters = serveEvent.getResponseDefinition().getTransformerParameters();
        // the fallback stub names no route: whatever it catches is an endpoint this system does not have
        Route route = parameters == null ? null : routes.get(parameters.getString(ROUTE_PARAMETER, ""));
        Call call = new Call(serveEvent.getRequest(), route);
        return answer(call, route).toResponse();
    }

    private Reply answer(Call call, Route route) {
        if (!auth.accepts(call)) {
            return auth.refusal();
        }
        if (route == null) {
            return Reply.error(404, "not_found",
                    "The " + system.title() + " has no endpoint " + call.method() + " " + call.path() + ".");
        }
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
