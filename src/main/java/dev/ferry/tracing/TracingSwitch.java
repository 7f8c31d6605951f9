package dev.ferry.tracing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With tracing off (management.tracing.enabled, the default), Spring Boot's tracing auto-configurations are left
 * out, so neither Micrometer Tracing nor OpenTelemetry runs or is even loaded, and every request and message costs
 * what it cost before Ferry could trace. Boot's own switch only stops propagation and export: its tracer would still
 * make a span for every request and JMS send, and its SDK would start. Without OpenTelemetry, Boot puts a tracer that
 * does nothing in its place, and any tracer, even that one, puts Boot's tracing handlers on every observation (each
 * HTTP request, JMS send and listener call) and an exemplar sampler on every Prometheus timer: bench/RESULTS.md
 * "Tracing" measured what that cost per order. Loading the SDK also put a class of its multi-release jar into the
 * class-data sharing archive (deploy/cds-archive.sh), on which Java 17 crashes at start when a JFR recording is on
 * (SIGSEGV in KlassFactory::check_shared_class_file_load_hook).
 */
public class TracingSwitch implements EnvironmentPostProcessor {

    static final List<String> TRACING = List.of(
            "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.logging.otlp.OtlpLoggingAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.tracing.NoopTracerAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.actuate.autoconfigure.tracing.prometheus.PrometheusExemplarsAutoConfiguration");

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("management.tracing.enabled", Boolean.class, false)) {
            return;
        }
        // added to what the configuration excludes already, not in its place
        List<String> excluded = new ArrayList<>(Binder.get(environment)
                .bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
        excluded.addAll(TRACING);
        environment.getPropertySources().addFirst(new MapPropertySource("ferryTracingOff",
                Map.of(EXCLUDE, String.join(",", excluded))));
    }
}
