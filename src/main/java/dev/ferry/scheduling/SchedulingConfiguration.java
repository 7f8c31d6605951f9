package dev.ferry.scheduling;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.CamelContext;
import org.quartz.Scheduler;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/** Quartz's JDBC store for the database in use, and Ferry's policy on every route that starts with quartz:. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulingSettings.class)
class SchedulingConfiguration {

    private static final String DELEGATE = "org.quartz.jobStore.driverDelegateClass";

    // PostgreSQL keeps Quartz's job data as BYTEA, which only Quartz's PostgreSQL delegate reads
    @Bean
    SchedulerFactoryBeanCustomizer quartzStore(QuartzProperties quartz, DataSource dataSource, ScheduleRuns runs) {
        return factory -> {
            Properties properties = new Properties();
            properties.putAll(quartz.getProperties());
            properties.putIfAbsent(DELEGATE, isPostgres(dataSource)
                    ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            factory.setQuartzProperties(properties);
            factory.setGlobalTriggerListeners(new MisfireRecorder(runs));
        };
    }

    @Bean
    CamelContextConfiguration scheduledEndpoints(SchedulingSettings settings, @Lazy Scheduler scheduler) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext context) {
                context.getCamelContextExtension().registerEndpointCallback(new ScheduledEndpoints(settings, scheduler));
            }

            @Override
            public void afterApplicationStart(CamelContext context) {
            }
        };
    }

    @Bean
    RoutePolicyFactory scheduledRuns(ScheduleRuns runs, @Lazy ScheduleControl control) {
        return (context, routeId, route) -> {
            String from = route instanceof org.apache.camel.model.RouteDefinition definition
                    && definition.getInput() != null ? definition.getInput().getEndpointUri() : null;
            return from != null && from.startsWith("quartz:")
                    ? new ScheduledRunPolicy(runs, control, Clock.systemUTC()) : null;
        };
    }

    private static boolean isPostgres(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product != null && product.toLowerCase().contains("postgres");
        } catch (MetaDataAccessException e) {
            return false;
        }
    }
}
