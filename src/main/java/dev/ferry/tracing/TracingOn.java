package dev.ferry.tracing;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.camel.CamelContext;
import org.apache.camel.observation.MicrometerObservationTracer;
import org.apache.camel.tracing.ActiveSpanManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What tracing adds when it is on (docs/operations.md#tracing). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "true")
class TracingOn {

    /**
     * Where a route's thread names the span it works in: Camel keeps its spans with the exchange rather than making
     * them the tracer's current span, and puts their ids in the logging context under these keys (Spring's tracer
     * uses traceId and spanId; Ferry's log pattern prints whichever a line has).
     */
    static final String TRACE_ID = ActiveSpanManager.MDC_TRACE_ID;
    static final String SPAN_ID = ActiveSpanManager.MDC_SPAN_ID;

    /**
     * A span for each route a message starts and each endpoint an exchange is sent to: the steps' Kamelets, every
     * HTTP call to a system (whose request carries the traceparent), the bots. Camel's starter for this stands back
     * when Spring Boot's actuator is present, so Ferry sets Camel's tracer up itself, on Boot's tracer.
     */
    @Bean
    MicrometerObservationTracer camelTracer(CamelContext camel, Tracer tracer, ObservationRegistry observations) {
        MicrometerObservationTracer camelTracer = new MicrometerObservationTracer();
        camelTracer.setTracer(tracer);
        camelTracer.setObservationRegistry(observations);
        camelTracer.init(camel);
        return camelTracer;
    }
}
