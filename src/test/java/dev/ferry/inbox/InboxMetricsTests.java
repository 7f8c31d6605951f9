package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxMetricsTests {

    private final InboxStore store = mock(InboxStore.class);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final InboxMetrics metrics = new InboxMetrics(store, registry);

    @Test
    void everyCategoryHasAGaugeOfItsOpenExceptionsZeroIncluded() {
        when(store.openByCategory()).thenReturn(Map.of("BUSINESS_RULE", 3L));

        metrics.refresh();

        assertThat(open("BUSINESS_RULE")).isEqualTo(3.0);
        assertThat(open("DOWNSTREAM_REJECTED")).isZero();
    }

    @Test
    void aGaugeFollowsTheCountDownAsExceptionsAreResolved() {
        when(store.openByCategory()).thenReturn(Map.of("BOT_FAILED", 2L), Map.of());

        metrics.refresh();
        metrics.refresh();

        assertThat(open("BOT_FAILED")).isZero();
    }

    private double open(String category) {
        return registry.get("ferry.inbox.open").tag("category", category).gauge().value();
    }
}
