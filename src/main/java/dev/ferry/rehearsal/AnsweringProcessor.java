package dev.ferry.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.connectors.Connectors;
import dev.ferry.connectors.DescribedFailure;
import dev.ferry.connectors.Failure;
import dev.ferry.routing.OrderSteps;
import dev.ferry.rpa.BotRunException;
import dev.ferry.rpa.RpaComponent;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.http.base.HttpOperationFailedException;

/** Answers one call to a system in a rehearsal with the next recorded answer for the order's current step. */
class AnsweringProcessor implements Processor {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS = Pattern.compile("\\(HTTP (\\d{3})\\)");
    private static final Pattern CONNECTOR = Pattern.compile("[?&]connector=([^&]+)");

    private final CamelContext context;
    private final String uri;
    private final Rehearsal rehearsal;

    AnsweringProcessor(CamelContext context, String uri, Rehearsal rehearsal) {
        this.context = context;
        this.uri = uri;
        this.rehearsal = rehearsal;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        ObjectNode order = OrderSteps.orderOf(exchange);
        if (order == null) {
            throw new IllegalStateException("A rehearsal calls no system, and " + uri
                    + " was called outside an order (a schedule, or a route of its own): it was not called.");
        }
        String step = exchange.getProperty(Exchange.STEP_ID, String.class);
        exchange.setProperty(Connectors.SYSTEM, system());
        Answer answer = rehearsal.next(order, step);
        if (answer == null) {
            throw new Unanswered("No recorded answer for " + (step == null ? uri : "step " + step)
                    + ": the order never got this far when it ran, so what the system would say is not known.");
        }
        switch (answer.kind()) {
            case OK -> exchange.getMessage().setBody(JSON.valueToTree(answer.refs()));
            case UNAVAILABLE -> throw new Unanswered(new Failure(true, answer.reason(), "recorded answer"));
            case REFUSED -> throw new Refused(uri, status(answer.reason()), answer.reason());
            case BOT_FAILED -> throw BotRunException.recorded(uri.substring("rpa:".length()), answer.reason());
            case FAILED -> throw new Unanswered(new Failure(false, answer.reason(), "recorded answer"));
            default -> throw new IllegalStateException("Unknown answer " + answer.kind());
        }
    }

    /**
     * The system the call goes to, whose retry policy applies: a bot's own, or a Kamelet's {@code connector}
     * option, else the first word of its name (connectors are named {@code <system>-<action>-action}).
     */
    private String system() {
        if (uri.startsWith("rpa:")) {
            Endpoint endpoint = context.getEndpoint(uri);
            return endpoint instanceof RpaComponent.BotEndpoint bot ? bot.system() : null;
        }
        if (uri.startsWith("kamelet:")) {
            Matcher option = CONNECTOR.matcher(uri);
            if (option.find()) {
                return option.group(1);
            }
            String name = uri.substring("kamelet:".length()).split("[?/]")[0];
            return name.contains("-") ? name.substring(0, name.indexOf('-')) : name;
        }
        return null;
    }

    private static int status(String reason) {
        Matcher m = STATUS.matcher(reason == null ? "" : reason);
        return m.find() ? Integer.parseInt(m.group(1)) : 400;
    }

    /** A recorded failure that is not a refusal: Ferry takes its recorded words and whether to try again. */
    static final class Unanswered extends RuntimeException implements DescribedFailure {

        private final Failure failure;

        Unanswered(String message) {
            this(new Failure(false, message, "rehearsal"));
        }

        Unanswered(Failure failure) {
            super(failure.reason());
            this.failure = failure;
        }

        @Override
        public Failure failure() {
            return failure;
        }
    }

    /** A recorded refusal (HTTP 4xx): the order is flagged as the system's rejection, in its recorded words. */
    static final class Refused extends HttpOperationFailedException implements DescribedFailure {

        private final String reason;

        Refused(String uri, int status, String reason) {
            super(uri, status, "recorded", null, Map.of(), null);
            this.reason = reason;
        }

        @Override
        public Failure failure() {
            return new Failure(false, reason, "recorded answer: HTTP " + getStatusCode());
        }
    }
}
