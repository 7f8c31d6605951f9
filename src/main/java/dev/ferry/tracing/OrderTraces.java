package dev.ferry.tracing;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An order's W3C trace context (docs/operations.md#tracing). With tracing off (the default) every method answers at
 * once with nothing, so the order path pays nothing for it.
 */
@Component
public class OrderTraces {

    /** The W3C header, and the JMS property the same context travels in on the queues. */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    OrderTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator,
            @Value("${management.tracing.enabled:false}") boolean enabled) {
        Tracer found = tracer.getIfAvailable();
        this.propagator = propagator.getIfAvailable();
        this.tracer = !enabled || found == null || found == Tracer.NOOP || this.propagator == null ? null : found;
    }

    public boolean on() {
        return tracer != null;
    }

    /** The traceparent of the span current on this thread, or null. */
    public String current() {
        if (tracer == null) {
            return null;
        }
        TraceContext context = currentContext();
        return context == null ? null : traceparent(context);
    }

    /**
     * The span this thread works in. On a route's thread that is Camel's span for the route or step, which Camel
     * keeps with the exchange and names only in the logging context ({@link TracingOn#TRACE_ID}), not as the
     * tracer's current span.
     */
    private TraceContext currentContext() {
        Span span = tracer.currentSpan();
        if (span != null) {
            return span.context();
        }
        String traceId = MDC.get(TracingOn.TRACE_ID);
        String spanId = MDC.get(TracingOn.SPAN_ID);
        if (traceId == null || spanId == null) {
            return null;
        }
        return tracer.traceContextBuilder().traceId(traceId).spanId(spanId).sampled(true).build();
    }

    /**
     * A span around sending a message about an order, so its delivery continues the order's trace: a child of the
     * current span when that is in the order's trace (the intake request, or the order's own route queueing a retry
     * or handing the order to the bots); otherwise (a reviewer's replay, the re-publisher, the stall check) a child
     * of the span the order was accepted in, linked to the current one, so the trace shows what sent it on again.
     * With tracing off, {@link Sending#NONE}.
     */
    public Sending sending(String orderTraceparent, String name) {
        if (tracer == null) {
            return Sending.NONE;
        }
        TraceContext current = currentContext();
        Span.Builder builder;
        if (orderTraceparent == null || current != null && current.traceId().equals(traceId(orderTraceparent))) {
            builder = tracer.spanBuilder();
            if (current != null) {
                builder.setParent(current);
            }
        } else {
            builder = propagator.extract(Map.of(TRACEPARENT, orderTraceparent), Map::get);
            if (current != null) {
                builder.addLink(new Link(current));
            }
        }
        Span span = builder.name(name).kind(Span.Kind.PRODUCER).start();
        // current while the message is sent, so the JMS send's own span is its child
        Tracer.SpanInScope scope = tracer.withSpan(span);
        return new Sending(traceparent(span.context()), () -> {
            scope.close();
            span.end();
        });
    }

    /** A send under way: the traceparent its message carries; closing it ends the span. */
    public record Sending(String traceparent, Runnable end) implements AutoCloseable {

        public static final Sending NONE = new Sending(null, () -> { });

        @Override
        public void close() {
            end.run();
        }
    }

    /** The trace id (32 hex digits) of a traceparent, or null. */
    public static String traceId(String traceparent) {
        // version "00", then the trace id: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
        return traceparent == null || traceparent.length() < 35 ? null : traceparent.substring(3, 35);
    }

    private String traceparent(TraceContext context) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }
}
