package dev.ferry.system;

import jakarta.jms.ConnectionFactory;
import org.springframework.boot.actuate.jms.JmsHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jms.connection.SingleConnectionFactory;

/**
 * The {@code jms} health component, part of readiness: can a new connection to the broker be made right
 * now? Boot's own check asks the caching connection factory Ferry sends with, which hands out the one
 * connection it holds; that only fails once the client has noticed the broker is gone (at once on a closed
 * socket, after the connection TTL on a silent network, not while it is set to reconnect). A fresh connection
 * from the factory underneath fails as soon as the broker does not answer, embedded (in-VM) or external (TCP).
 */
@Configuration(proxyBeanMethods = false)
class BrokerHealth {

    // the name replaces Boot's jms check and keeps its component name
    @Bean
    JmsHealthIndicator jmsHealthIndicator(ConnectionFactory connectionFactory) {
        return new JmsHealthIndicator(uncached(connectionFactory));
    }

    static ConnectionFactory uncached(ConnectionFactory connectionFactory) {
        if (connectionFactory instanceof SingleConnectionFactory cached && cached.getTargetConnectionFactory() != null) {
            return cached.getTargetConnectionFactory();
        }
        return connectionFactory;
    }
}
