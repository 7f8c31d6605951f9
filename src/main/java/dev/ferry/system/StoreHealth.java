package dev.ferry.system;

import javax.sql.DataSource;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two health components. {@code store} (liveness and readiness): the store on this node's own disk takes
 * writes, as {@link StoreMonitor} last found it. {@code db} (readiness): the database answers a real query;
 * Boot's own check asks the driver whether the connection is valid, which H2 affirms for a database its
 * file store has closed after a failed write.
 */
@Configuration(proxyBeanMethods = false)
class StoreHealth {

    @Bean
    HealthIndicator storeHealthIndicator(StoreMonitor monitor) {
        return () -> {
            // the monitor's last check (at most ferry.store.check-every old): a probe adds no disk or database work
            String problem = monitor.problem();
            Health.Builder health = problem == null ? Health.up() : Health.down().withDetail("problem", problem);
            return health.withDetail("database", monitor.watchesDatabase() ? "embedded H2 file" : "not on this disk")
                    .build();
        };
    }

    // the name replaces Boot's db check and keeps its component name
    @Bean
    DataSourceHealthIndicator dbHealthIndicator(DataSource dataSource) {
        return new DataSourceHealthIndicator(dataSource, "SELECT COUNT(*) FROM \"flyway_schema_history\"");
    }
}
