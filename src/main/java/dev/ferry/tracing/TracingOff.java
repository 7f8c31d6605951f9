package dev.ferry.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With tracing off, a tracer that does nothing. Spring Boot's {@code management.tracing.enabled=false} only stops
 * propagation and export: its OpenTelemetry tracer would still make a span for every request and JMS send, and put
 * its ids in the logging context. Off means off here, so the order path costs what it did before tracing existed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "management.tracing.enabled", havingValue = "false")
class TracingOff {

    @Bean
    Tracer noTracer() {
        return Tracer.NOOP;
    }
}
