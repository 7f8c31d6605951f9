package dev.ferry.rpa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.connectors.Connectors;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.DefaultProducer;
import org.springframework.stereotype.Component;

/**
 * {@code rpa:<bot>}: runs the bot with the message body (JSON) as its input and replies with its
 * output (plus {@code botRunId}); the exchange property {@code ferryOrderId}, when set, is recorded with the
 * run, and {@code ferrySystem} names the bot's system for failure messages. The bot file is checked when the route
 * starts and looked up again at each call, so a route runs the version the API runs: the file as it is now.
 */
@Component("rpa")
public class RpaComponent extends DefaultComponent {

    /** The exchange property naming the order a route works on (set by the order routes). */
    static final String ORDER_ID = "ferryOrderId";

    private final Bots bots;
    private final BotRunner runner;
    private final ObjectMapper json;

    RpaComponent(Bots bots, BotRunner runner, ObjectMapper json) {
        this.bots = bots;
        this.runner = runner;
        this.json = json;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        // read now, so a route naming a missing or broken bot does not start
        return new BotEndpoint(uri, this, bots.load(remaining).name());
    }

    /** An {@code rpa:<bot>} endpoint: runs the bot on each message. */
    public final class BotEndpoint extends DefaultEndpoint {

        private final String name;

        BotEndpoint(String uri, RpaComponent component, String name) {
            super(uri, component);
            this.name = name;
        }

        /** The system the bot drives: its retry policy and name in failure messages (ferry.connectors.*). */
        public String system() {
            return current().system();
        }

        @Override
        public Producer createProducer() {
            return new DefaultProducer(this) {
                @Override
                public void process(Exchange exchange) throws Exception {
                    Object body = exchange.getMessage().getBody();
                    String text = body instanceof JsonNode ? null : exchange.getMessage().getBody(String.class);
                    // a bot that needs no input may be called with no body, e.g. from a schedule
                    JsonNode input = body instanceof JsonNode node ? node
                            : text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
                    Bot bot = current();
                    exchange.setProperty(Connectors.SYSTEM, bot.system());
                    exchange.getMessage().setBody(runner.run(bot, input, exchange.getProperty(ORDER_ID, String.class)));
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("rpa:" + name + " can only be called (to:), not consumed (from:)");
        }

        /** The bot as its file is now; a file broken since the start fails the call as the bot's error, not retried. */
        private Bot current() {
            try {
                return bots.load(name);
            } catch (RuntimeException e) {
                throw new BotRunException(BotFailure.BOT_ERROR, name, "The bot " + name + " cannot be run: "
                        + e.getMessage(), "bot file: " + e.getMessage());
            }
        }
    }
}
