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
 * run, and {@code ferrySystem} names the bot's system for failure messages.
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
        return new BotEndpoint(uri, this, bots.load(remaining));
    }

    /** An {@code rpa:<bot>} endpoint: runs the bot on each message. */
    public final class BotEndpoint extends DefaultEndpoint {

        private final Bot bot;

        BotEndpoint(String uri, RpaComponent component, Bot bot) {
            super(uri, component);
            this.bot = bot;
        }

        /** The system the bot drives: its retry policy and name in failure messages (ferry.connectors.*). */
        public String system() {
            return bot.system();
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
                    exchange.setProperty(Connectors.SYSTEM, bot.system());
                    exchange.getMessage().setBody(runner.run(bot, input, exchange.getProperty(ORDER_ID, String.class)));
                }
            };
        }

        @Override
        public Consumer createConsumer(Processor processor) {
            throw new UnsupportedOperationException("rpa:" + bot.name() + " can only be called (to:), not consumed (from:)");
        }
    }
}
