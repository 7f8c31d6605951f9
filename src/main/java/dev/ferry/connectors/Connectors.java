package dev.ferry.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.Exchange;
import org.apache.camel.component.http.HttpMethods;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What every Kamelet needs before it calls its system, done once here: method and path,
 * authentication, and the Idempotency-Key {@code <orderId>:<step>} on every call that creates something
 * ({@code <orderId>:<step>:<detail>} when the exchange names an {@link #IDEMPOTENCY_DETAIL}).
 */
@Component("connectors")
public class Connectors {

    /** The system the current call goes to; failure messages name it. */
    public static final String SYSTEM = "ferrySystem";

    /**
     * Exchange property for a step that creates one record per order more than once, e.g. each new shipment
     * status: what tells those creates apart. It ends the Idempotency-Key, so a retry of one of them is still
     * recognised while the next one is not mistaken for a retry.
     */
    public static final String IDEMPOTENCY_DETAIL = "ferryIdempotencyDetail";

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([A-Za-z0-9_.]+)}");

    private final Map<String, Connector> connectors;
    private final RetryPolicy defaultRetry;

    Connectors(Environment environment) {
        this.connectors = Connector.bindAll(environment);
        this.defaultRetry = Binder.get(environment).bind("ferry.retry", RetryPolicy.class).orElse(RetryPolicy.DEFAULTS)
                .orElse(RetryPolicy.DEFAULTS);
    }

    /** The system's own retry policy, each unset value taken from ferry.retry.* */
    public RetryPolicy retryPolicy(String system) {
        RetryPolicy own = system == null ? null : connector(system).retry();
        return own == null ? defaultRetry : own.orElse(defaultRetry);
    }

    public Connector connector(String system) {
        Connector connector = connectors.get(system);
        if (connector == null) {
            throw new IllegalArgumentException("No connector is configured for '" + system
                    + "': add ferry.connectors." + system + ".base-url to config/");
        }
        return connector;
    }

    /**
     * Called by a Kamelet just before its HTTP call. {@code path} may name fields of the order
     * document, e.g. {@code /api/customers/{customer.id}}; they are filled in and URL-encoded.
     */
    public void prepare(Exchange exchange, String system, String method, String path) {
        Connector connector = connector(system);
        var message = exchange.getMessage();
        // headers of the inbound message (JMS, Quartz ...) must not leak to the system as HTTP headers;
        // the redelivery headers stay, the error handler counts attempts with them
        message.removeHeaders("*", "CamelRedeliver*");
        exchange.setProperty(SYSTEM, system);
        // as the enum the HTTP producer asks for: a String header is converted on every call, through a slow
        // type-converter lookup (about 5% of a consumer's CPU in a profile)
        message.setHeader(Exchange.HTTP_METHOD, HttpMethods.valueOf(method));
        int query = path.indexOf('?');
        message.setHeader(Exchange.HTTP_PATH, expand(query < 0 ? path : path.substring(0, query), exchange));
        if (query >= 0) {
            message.setHeader(Exchange.HTTP_QUERY, path.substring(query + 1));
        }
        message.setHeader("Accept", "application/json");
        if (!"GET".equals(method)) {
            message.setHeader(Exchange.CONTENT_TYPE, "application/json");
            message.setHeader("Idempotency-Key", idempotencyKey(exchange));
        }
        authenticate(connector, message);
    }

    static String idempotencyKey(Exchange exchange) {
        String orderId = exchange.getProperty("ferryOrderId", String.class);
        String step = exchange.getProperty(Exchange.STEP_ID, String.class);
        if (orderId == null || step == null) {
            throw new IllegalStateException("A create call must run inside a named step of an order route");
        }
        String detail = exchange.getProperty(IDEMPOTENCY_DETAIL, String.class);
        return detail == null || detail.isBlank() ? orderId + ":" + step : orderId + ":" + step + ":" + detail;
    }

    private static void authenticate(Connector connector, org.apache.camel.Message message) {
        Connector.Auth auth = connector.auth() == null ? Connector.Auth.NONE : connector.auth();
        switch (auth) {
            case BEARER -> message.setHeader("Authorization", "Bearer " + connector.token());
            case API_KEY -> message.setHeader("X-API-Key", connector.apiKey());
            case BASIC -> message.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (connector.username() + ":" + connector.password()).getBytes(StandardCharsets.UTF_8)));
            case NONE -> { }
        }
    }

    private static String expand(String path, Exchange exchange) {
        JsonNode order = exchange.getProperty("ferryOrder", JsonNode.class);
        Matcher matcher = PATH_VARIABLE.matcher(path);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String value = order == null ? "" : order.at("/" + matcher.group(1).replace('.', '/')).asText("");
            if (value.isEmpty()) {
                throw new IllegalStateException("The order has no " + matcher.group(1) + " for the path " + path);
            }
            matcher.appendReplacement(expanded,
                    Matcher.quoteReplacement(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }
}
