package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReceivedTracesTests {

    @Test
    void aW3cTraceparentGivesItsTraceId() {
        assertThat(ReceivedTraces.received("erp", "POST", "/api/sales-orders",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void noHeaderOrAMalformedOneGivesNone() {
        assertThat(ReceivedTraces.traceId(null)).isNull();
        assertThat(ReceivedTraces.traceId("4bf92f3577b34da6a3ce929d0e0e4736")).isNull();
        assertThat(ReceivedTraces.traceId("00-4bf92f35-00f067aa0ba902b7-01")).isNull();
    }
}
