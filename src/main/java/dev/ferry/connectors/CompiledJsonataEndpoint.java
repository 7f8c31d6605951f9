package dev.ferry.connectors;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.camel.Exchange;
import org.apache.camel.component.jsonata.JsonataComponent;
import org.apache.camel.component.jsonata.JsonataConstants;
import org.apache.camel.component.jsonata.JsonataEndpoint;
import org.apache.camel.component.jsonata.JsonataFrameBinding;
import org.apache.camel.component.jsonata.JsonataInputOutputType;
import org.apache.camel.support.ExchangeHelper;

/**
 * A {@code jsonata:} endpoint that keeps its parsed mapping. Camel's own endpoint caches the mapping's
 * text but parses it again on every message, under a lock the JSONata parser shares across threads, so
 * every connector call of every consumer queued behind it. The text comes from the endpoint as before
 * ({@code contentCache}, on by default, reads the file once); a mapping whose text changed
 * ({@code contentCache=false}) is parsed again.
 */
class CompiledJsonataEndpoint extends JsonataEndpoint {

    private final ObjectMapper mapper = new ObjectMapper();
    // a parsed expression keeps state while it evaluates ($now and friends): one per consumer thread
    private final ThreadLocal<Compiled> compiled = new ThreadLocal<>();

    private record Compiled(String text, Jsonata expression) {
    }

    CompiledJsonataEndpoint(String uri, JsonataComponent component, String resourceUri,
            JsonataFrameBinding frameBinding) {
        super(uri, component, resourceUri, frameBinding);
    }

    @Override
    protected void onExchange(Exchange exchange) throws Exception {
        if (isAllowTemplateFromHeader() && exchange.getIn().getHeader(JsonataConstants.JSONATA_RESOURCE_URI) != null) {
            super.onExchange(exchange);
            return;
        }
        Object input = getInputType() == JsonataInputOutputType.JsonString
                ? mapper.readValue(exchange.getIn().getMandatoryBody(InputStream.class), Object.class)
                : mapper.convertValue(exchange.getIn().getBody(), Object.class);
        Jsonata expression = expression();
        var frame = expression.createFrame();
        if (getFrameBinding() != null) {
            getFrameBinding().bindToFrame(frame);
        }
        Object output = expression.evaluate(input, frame);
        String text = isPrettyPrint() ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(output)
                : mapper.writeValueAsString(output);
        ExchangeHelper.setInOutBodyPatternAware(exchange,
                getOutputType() == JsonataInputOutputType.JsonString ? text : mapper.readTree(text));
    }

    private Jsonata expression() throws Exception {
        String text;
        try (InputStream in = getResourceAsInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Compiled current = compiled.get();
        if (current == null || !current.text().equals(text)) {
            current = new Compiled(text, Jsonata.jsonata(text));
            compiled.set(current);
        }
        return current.expression();
    }
}
