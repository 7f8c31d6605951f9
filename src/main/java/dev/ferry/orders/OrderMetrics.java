package dev.ferry.orders;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** {@code ferry.orders{status=...}}: how many orders stand in each status, refreshed every 15 s. */
@Component
class OrderMetrics {

    private final JdbcClient jdbc;
    private final MultiGauge byStatus;

    OrderMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.byStatus = MultiGauge.builder("ferry.orders").description("Orders by status").register(registry);
    }

    @Scheduled(fixedDelay = 15_000, initialDelay = 1_000)
    void refresh() {
        Map<String, Long> counts = new HashMap<>();
        Arrays.stream(OrderStatus.values()).forEach(status -> counts.put(status.name(), 0L));
        jdbc.sql("SELECT status, COUNT(*) AS n FROM orders GROUP BY status")
                .query(rs -> {
                    counts.put(rs.getString("status"), rs.getLong("n"));
                });
        byStatus.register(counts.entrySet().stream()
                .map(e -> MultiGauge.Row.of(Tags.of("status", e.getKey()), e.getValue()))
                .toList(), true);
    }
}
