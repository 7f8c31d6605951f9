package dev.ferry.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

class OrderTracesTests {

    @Test
    void theTraceIdIsTheSecondFieldOfATraceparent() {
        assertThat(OrderTraces.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(OrderTraces.traceId(null)).isNull();
        assertThat(OrderTraces.traceId("00-4bf9")).isNull();
    }

    @Test
    void withTracingOffNothingIsTracedEvenWithATracerAtHand() {
        OrderTraces traces = traces(Tracer.NOOP, false);

        assertThat(traces.on()).isFalse();
        assertThat(traces.current()).isNull();
        assertThat(traces.sending("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "queue order"))
                .isSameAs(OrderTraces.Sending.NONE);
    }

    @Test
    void aTracerThatDoesNothingIsTracingOff() {
        // a tracer that makes no spans is no tracing, whatever the switch says
        assertThat(traces(Tracer.NOOP, true).on()).isFalse();
    }

    private static OrderTraces traces(Tracer tracer, boolean enabled) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("tracer", tracer);
        beans.addBean("propagator", Propagator.NOOP);
        return new OrderTraces(beans.getBeanProvider(Tracer.class), beans.getBeanProvider(Propagator.class), enabled);
    }
}
